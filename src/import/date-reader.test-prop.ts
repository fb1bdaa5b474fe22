import { fc, test } from '@fast-check/vitest';
import { tz } from '@date-fns/tz';
import { format, parse } from 'date-fns';
import { describe, expect } from 'vitest';
import { compileDateReader } from './date-reader.ts';

const formats = [
  'yyyy-MM-dd HH:mm',
  'dd/MM/yyyy',
  'M/d/yyyy h:mm a',
  'dd.MM.yyyy HH:mm:ss',
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  'yyyyMMdd',
  'd-M-yyyy H:m',
  "yyyy-MM-dd'T'HH:mm:ssXXX",
];
const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Kiritimati', 'Europe/London'];
const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true });
const utc = tz('UTC');

/** Wall-clock text of an instant in a zone, by Intl (the same in every process time zone). */
function wallClock(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

describe('compileDateReader', () => {
  test.prop([instant, fc.constantFrom(...formats)])('reads the fields as date-fns parse does', (date, pattern) => {
    const text = format(date, pattern, { in: utc });
    expect(compileDateReader([pattern], 'UTC')(text)).toBe(parse(text, pattern, new Date(0), { in: utc }).getTime());
  });

  test.prop([fc.string({ maxLength: 20 }), fc.constantFrom(...formats)])('refuses what date-fns parse refuses, and reads the rest alike', (text, pattern) => {
    // date-fns accepts trailing whitespace the reader does not (values are trimmed before reading).
    if (text !== text.trim()) return;
    const expected = parse(text, pattern, new Date(0), { in: utc }).getTime();
    const actual = compileDateReader([pattern], 'UTC')(text);
    if (Number.isNaN(expected)) expect(actual).toBeNaN();
    else expect(actual).toBe(expected);
  });

  test.prop([
    fc.record({
      year: fc.integer({ min: 1990, max: 2040 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 60 }),
    }),
  ])('refuses fields out of range (31 February, hour 24) as date-fns does', ({ year, month, day, hour, minute }) => {
    const pad = (value: number) => String(value).padStart(2, '0');
    const text = `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
    const expected = parse(text, 'yyyy-MM-dd HH:mm', new Date(0), { in: utc }).getTime();
    const actual = compileDateReader(['yyyy-MM-dd HH:mm'], 'UTC')(text);
    if (Number.isNaN(expected)) expect(actual).toBeNaN();
    else expect(actual).toBe(expected);
  });

  test.prop([instant, fc.constantFrom(...zones)])('reads wall-clock time in a zone back to its instant (the earlier one in an overlap)', (date, zone) => {
    const ms = Math.floor(date.getTime() / 1000) * 1000;
    const text = wallClock(ms, zone);
    const read = compileDateReader(['yyyy-MM-dd HH:mm:ss'], zone)(text);
    if (read !== ms) {
      // An hour (or half hour) that happened twice: the earlier instant, which shows the same wall-clock time.
      expect(read).toBeLessThan(ms);
      expect(wallClock(read, zone)).toBe(text);
    }
  });
});
