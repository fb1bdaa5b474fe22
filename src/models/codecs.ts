import * as z from 'zod/v4';

/**
 * A point in time: a `Date` in memory, an ISO 8601 date-time string with a time zone offset in JSON
 * (`2024-05-01T09:30:00Z`, `2024-05-01T11:30:00+02:00`). Impossible dates such as 30 February are refused.
 * Encoding always writes UTC (`toISOString`), so a round trip is exact to the millisecond.
 */
export const DateTime = z.codec(
  z.iso.datetime({ offset: true }),
  z.date({ error: 'is not a valid date' }).refine((date) => !Number.isNaN(date.getTime()), 'is not a valid date'),
  {
    decode: (text) => new Date(text),
    encode: (date) => date.toISOString(),
  },
);

/** Converts a value of a schema's in-memory type to its JSON form (`Date` → ISO string). */
export function toJson<S extends z.ZodType>(schema: S, value: z.output<S>): z.input<S> {
  return z.encode(schema, value);
}
