/**
 * Dates as exports write them, read into instants: a date-fns format (`yyyy-MM-dd HH:mm`, `dd/MM/yyyy`, `M/d/yyyy
 * h:mm a`), or ISO 8601 when no format is given; text without an offset is read as wall-clock time in a stated IANA
 * time zone (the portal's), with @date-fns/tz deciding what that zone's clocks said.
 *
 * date-fns' `parse` with a time-zone context reads about 7,500 values a second here, too slow for a million-row
 * export with eight date columns. So a format made only of numeric fields (`yyyy MM M dd d HH H hh h mm m ss s SSS a`,
 * offsets `X`…`XXX`, literals) is compiled once into a reader that takes the fields out of the text and checks them
 * (a 31 February is refused, as date-fns refuses it); every other format (month names, two-digit years, week
 * dates, …) is read by date-fns `parse` itself. The compiled reader gives date-fns' answer (a property test compares
 * them). Wall-clock time becomes an instant through @date-fns/tz's `tzOffset` (see `createZoneConverter` for the
 * spring-forward gap and the autumn overlap).
 */
import { tz, tzOffset } from '@date-fns/tz';
import { format as formatWithDateFns, parse as parseWithDateFns } from 'date-fns';

/** Reads one text into epoch milliseconds, or `NaN` when it is not a date in the format. */
export type DateTextReader = (text: string) => number;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'year' | 'month' | 'day' | 'hour24' | 'hour12' | 'minute' | 'second'; readonly maxDigits: number }
  | { readonly kind: 'fraction'; readonly digits: number }
  | { readonly kind: 'meridiem' }
  | { readonly kind: 'offset'; readonly style: 'basicOptionalMinutes' | 'basic' | 'extended' };

const numericTokens: Record<string, Token> = {
  yyyy: { kind: 'year', maxDigits: 4 },
  MM: { kind: 'month', maxDigits: 2 },
  M: { kind: 'month', maxDigits: 2 },
  dd: { kind: 'day', maxDigits: 2 },
  d: { kind: 'day', maxDigits: 2 },
  HH: { kind: 'hour24', maxDigits: 2 },
  H: { kind: 'hour24', maxDigits: 2 },
  hh: { kind: 'hour12', maxDigits: 2 },
  h: { kind: 'hour12', maxDigits: 2 },
  mm: { kind: 'minute', maxDigits: 2 },
  m: { kind: 'minute', maxDigits: 2 },
  ss: { kind: 'second', maxDigits: 2 },
  s: { kind: 'second', maxDigits: 2 },
  S: { kind: 'fraction', digits: 1 },
  SS: { kind: 'fraction', digits: 2 },
  SSS: { kind: 'fraction', digits: 3 },
  a: { kind: 'meridiem' },
  X: { kind: 'offset', style: 'basicOptionalMinutes' },
  XX: { kind: 'offset', style: 'basic' },
  XXX: { kind: 'offset', style: 'extended' },
};

/** Splits a date-fns format into tokens the compiled reader knows, or `undefined` when it has another token. */
function tokenize(format: string): Token[] | undefined {
  const tokens: Token[] = [];
  let index = 0;
  while (index < format.length) {
    const char = format[index] as string;
    if (char === "'") {
      // A quoted literal; '' is a quote.
      const end = format.indexOf("'", index + 1);
      if (end === index + 1) {
        tokens.push({ kind: 'literal', text: "'" });
        index += 2;
        continue;
      }
      if (end < 0) return undefined;
      tokens.push({ kind: 'literal', text: format.slice(index + 1, end).replace(/''/g, "'") });
      index = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(char)) {
      let end = index;
      while (end < format.length && format[end] === char) end++;
      const token = numericTokens[format.slice(index, end)];
      if (token === undefined || !Object.hasOwn(numericTokens, format.slice(index, end))) return undefined;
      tokens.push(token);
      index = end;
      continue;
    }
    tokens.push({ kind: 'literal', text: char });
    index++;
  }
  return tokens;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The fields read from a text: wall-clock parts and, when the text has one, its offset in minutes. */
interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  meridiem: 0 | 1 | 2;
  hour12: boolean;
  offsetMinutes: number;
}

function readOffset(text: string, at: number, style: 'basicOptionalMinutes' | 'basic' | 'extended', fields: Fields): number {
  if (text.charCodeAt(at) === 90 /* Z */) {
    fields.offsetMinutes = 0;
    return at + 1;
  }
  const sign = text.charCodeAt(at);
  if (sign !== 43 && sign !== 45) return -1;
  const hours = text.slice(at + 1, at + 3);
  if (hours.length !== 2 || !isDigit(hours.charCodeAt(0)) || !isDigit(hours.charCodeAt(1))) return -1;
  let next = at + 3;
  let minutes = 0;
  if (style === 'extended') {
    if (text.charCodeAt(next) !== 58 /* : */) return -1;
    const part = text.slice(next + 1, next + 3);
    if (part.length !== 2 || !isDigit(part.charCodeAt(0)) || !isDigit(part.charCodeAt(1))) return -1;
    minutes = Number(part);
    next += 3;
  } else {
    const part = text.slice(next, next + 2);
    if (part.length === 2 && isDigit(part.charCodeAt(0)) && isDigit(part.charCodeAt(1))) {
      minutes = Number(part);
      next += 2;
    } else if (style === 'basic') return -1;
  }
  if (minutes > 59) return -1;
  const total = Number(hours) * 60 + minutes;
  fields.offsetMinutes = sign === 45 ? -total : total;
  return next;
}

/** Reads the fields of `text` with the tokens; false when the text does not fit them. */
function readFields(tokens: readonly Token[], text: string, fields: Fields): boolean {
  let at = 0;
  for (const token of tokens) {
    switch (token.kind) {
      case 'literal':
        if (!text.startsWith(token.text, at)) return false;
        at += token.text.length;
        break;
      case 'meridiem': {
        const word = text.slice(at, at + 2).toLowerCase();
        if (word === 'am') fields.meridiem = 1;
        else if (word === 'pm') fields.meridiem = 2;
        else return false;
        at += 2;
        break;
      }
      case 'offset': {
        at = readOffset(text, at, token.style, fields);
        if (at < 0) return false;
        break;
      }
      case 'fraction': {
        let end = at;
        while (end < text.length && end - at < token.digits && isDigit(text.charCodeAt(end))) end++;
        if (end === at) return false;
        // As date-fns reads it: the digits read, scaled by the token's length (SSS: "5" is 5 ms).
        fields.millisecond = Math.trunc(Number(text.slice(at, end)) * 10 ** (3 - token.digits));
        at = end;
        break;
      }
      default: {
        let end = at;
        while (end < text.length && end - at < token.maxDigits && isDigit(text.charCodeAt(end))) end++;
        if (end === at) return false;
        const value = Number(text.slice(at, end));
        at = end;
        if (token.kind === 'year') fields.year = value;
        else if (token.kind === 'month') fields.month = value;
        else if (token.kind === 'day') fields.day = value;
        else if (token.kind === 'minute') fields.minute = value;
        else if (token.kind === 'second') fields.second = value;
        else {
          fields.hour = value;
          fields.hour12 = token.kind === 'hour12';
        }
      }
    }
  }
  return at === text.length;
}

/** Wall-clock fields as milliseconds "as if UTC", or `NaN` when they name no real time (31 February, 25:00). */
function wallClockMs(fields: Fields, shortcuts: boolean): number {
  const { year, month, day, minute, second, millisecond } = fields;
  let hour = fields.hour;
  if (fields.hour12) {
    if (hour < 1 || hour > 12) return NaN;
    if (fields.meridiem === 2 && hour !== 12) hour += 12;
    else if (fields.meridiem === 1 && hour === 12) hour = 0;
  } else if (hour > 23) return NaN;
  if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || second > 59) return NaN;
  if (shortcuts && year >= 100) return civilMs(year, month, day, hour, minute, second, millisecond);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Date.UTC reads years 0–99 as 1900–1999; date-fns does not.
  const date = new Date(ms);
  if (year < 100) date.setUTCFullYear(year);
  if (date.getUTCDate() !== day) return NaN;
  return date.getTime();
}

/**
 * Milliseconds "as if UTC" of checked fields (month 1–12, hour 0–23, minute and second 0–59) in a year of 100 or more,
 * or `NaN` when the day is not in the month: what `Date.UTC` gives, without a `Date` (days from the civil date, as in
 * Howard Hinnant's `days_from_civil`).
 */
function civilMs(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number): number {
  if (day < 1 || day > daysInMonth(year, month)) return NaN;
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468;
  return days * DAY_MS + hour * 3_600_000 + minute * MINUTE_MS + second * 1000 + millisecond;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Field ids of a fixed layout's digit positions. */
const YEAR = 0;
const MONTH = 1;
const DAY = 2;
const HOUR = 3;
const MINUTE = 4;
const SECOND = 5;
const FRACTION = 6;

/**
 * The text a format of numeric fields writes when every field has all its digits (`yyyy-MM-dd HH:mm` writes
 * `2024-05-01 09:30`): its length, where its literal characters are, and where each field's digits start (-1 for a
 * field the format lacks). `undefined` for a format with a 12-hour clock, a meridiem, an offset or a field written twice
 * (those go the general way). Text that has exactly this layout is read by the tokens into the same fields (each field
 * reads its longest run of digits, which is the whole field), so {@link readFixedLayout} may read it directly.
 */
interface FixedLayout {
  readonly length: number;
  readonly literalAt: Int32Array;
  readonly literalCode: Int32Array;
  readonly fieldStart: Int32Array;
  readonly fieldWidth: Int32Array;
  /** Milliseconds per unit of the fraction (100 for `S`, 1 for `SSS`). */
  readonly fractionScale: number;
}

function fixedLayout(tokens: readonly Token[]): FixedLayout | undefined {
  const literalAt: number[] = [];
  const literalCode: number[] = [];
  const fieldStart = new Int32Array(7).fill(-1);
  const fieldWidth = new Int32Array(7);
  let fractionScale = 1;
  let at = 0;
  for (const token of tokens) {
    if (token.kind === 'literal') {
      for (let index = 0; index < token.text.length; index++) {
        literalAt.push(at++);
        literalCode.push(token.text.charCodeAt(index));
      }
      continue;
    }
    let field: number;
    let width: number;
    switch (token.kind) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour24':
      case 'minute':
      case 'second':
        field = { year: YEAR, month: MONTH, day: DAY, hour24: HOUR, minute: MINUTE, second: SECOND }[token.kind];
        width = token.maxDigits;
        break;
      case 'fraction':
        field = FRACTION;
        width = token.digits;
        fractionScale = 10 ** (3 - token.digits);
        break;
      default:
        return undefined;
    }
    // A field written twice is read twice (the second wins): the general way.
    if ((fieldStart[field] as number) >= 0) return undefined;
    fieldStart[field] = at;
    fieldWidth[field] = width;
    at += width;
  }
  return { length: at, literalAt: Int32Array.from(literalAt), literalCode: Int32Array.from(literalCode), fieldStart, fieldWidth, fractionScale };
}

/** The digits of `text` from `start` as a number, -1 when one is not a digit; `fallback` when the field is absent (start -1). */
function digitsAt(text: string, start: number, width: number, fallback: number): number {
  if (start < 0) return fallback;
  let value = 0;
  for (let index = start; index < start + width; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Reads text of exactly a fixed layout into wall-clock milliseconds (`NaN` for a 31 February or a 25th hour), or
 * `undefined` when the text does not have the layout, or has a year below 100 (the general reader decides then).
 */
function readFixedLayout(layout: FixedLayout, text: string): number | undefined {
  if (text.length !== layout.length) return undefined;
  const { literalAt, literalCode, fieldStart, fieldWidth } = layout;
  for (let index = 0; index < literalAt.length; index++) if (text.charCodeAt(literalAt[index] as number) !== literalCode[index]) return undefined;
  // Fields the format does not have keep date-fns' defaults: 1970-01-01 00:00:00.000.
  const year = digitsAt(text, fieldStart[YEAR] as number, fieldWidth[YEAR] as number, 1970);
  const month = digitsAt(text, fieldStart[MONTH] as number, fieldWidth[MONTH] as number, 1);
  const day = digitsAt(text, fieldStart[DAY] as number, fieldWidth[DAY] as number, 1);
  const hour = digitsAt(text, fieldStart[HOUR] as number, fieldWidth[HOUR] as number, 0);
  const minute = digitsAt(text, fieldStart[MINUTE] as number, fieldWidth[MINUTE] as number, 0);
  const second = digitsAt(text, fieldStart[SECOND] as number, fieldWidth[SECOND] as number, 0);
  const fraction = digitsAt(text, fieldStart[FRACTION] as number, fieldWidth[FRACTION] as number, 0);
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) return undefined;
  if (month === 0 || month > 12 || day === 0 || hour > 23 || minute > 59 || second > 59) return NaN;
  return civilMs(year, month, day, hour, minute, second, fraction * layout.fractionScale);
}

/** Whether `timeZone` is an IANA time zone the runtime knows (`Europe/Berlin`, `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Turns wall-clock time in a zone into an instant (internal), with @date-fns/tz's `tzOffset` (Intl, the same in every
 * process time zone). Where the offset is the same a day either side (cached per day) that is one subtraction. Near a
 * change of offset, the two offsets around it are tried: a time that exists once is read as such; a time in the
 * autumn overlap is read as the earlier instant; a time in the spring-forward gap is moved forward by the gap (as
 * Temporal's `compatible` disambiguation, and `TZDate` in a UTC process, read them). `TZDate`'s constructor is not
 * used: it depends on the process time zone (under `TZ=America/St_Johns` it read 00:30 on 31 October 1999 in Berlin
 * as 01:30+02:00).
 */
function createZoneConverter(timeZone: string, shortcuts: boolean): (wallMs: number) => number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return (wallMs) => wallMs;
  if (!shortcuts) return buildZoneConverter(timeZone, false);
  // One converter per zone, shared by every date column (a cache: what it returns never depends on it).
  const known = converters.get(timeZone);
  if (known !== undefined) return known;
  const converter = buildZoneConverter(timeZone, true);
  if (converters.size > 100) converters.clear();
  converters.set(timeZone, converter);
  return converter;
}

const converters = new Map<string, (wallMs: number) => number>();

function buildZoneConverter(timeZone: string, shortcuts: boolean): (wallMs: number) => number {
  const steadyOffsetByDay = new Map<number, number>();
  // Days near a change of offset: the zone's offsets around the day, as changes found once (see `changesAround`).
  const changesByDay = new Map<number, OffsetChanges>();
  const intlOffsetAt = (ms: number): number => tzOffset(timeZone, new Date(ms));
  let changes: OffsetChanges | undefined;
  // While a day near a change is converted, offsets in its window come from its changes instead of Intl.
  const offsetAt = (ms: number): number => (changes === undefined ? intlOffsetAt(ms) : offsetFromChanges(changes, ms));
  return (wallMs) => {
    const day = Math.floor(wallMs / DAY_MS);
    let offset = steadyOffsetByDay.get(day);
    if (offset === undefined) {
      const start = day * DAY_MS;
      const before = intlOffsetAt(start - DAY_MS);
      const middle = intlOffsetAt(start + DAY_MS / 2);
      const after = intlOffsetAt(start + 2 * DAY_MS);
      offset = before === middle && middle === after ? middle : NaN;
      if (steadyOffsetByDay.size > 20_000) steadyOffsetByDay.clear();
      steadyOffsetByDay.set(day, offset);
    }
    if (offset === offset) return wallMs - offset * MINUTE_MS;
    if (!shortcuts) return nearChange(wallMs);
    let known = changesByDay.get(day);
    if (known === undefined) {
      known = changesAround(day * DAY_MS - 2 * DAY_MS, day * DAY_MS + 3 * DAY_MS, intlOffsetAt);
      if (changesByDay.size > 1000) changesByDay.clear();
      changesByDay.set(day, known);
    }
    changes = known;
    try {
      return nearChange(wallMs);
    } finally {
      changes = undefined;
    }
  };
  function nearChange(wallMs: number): number {
    const earlierOffset = offsetAt(wallMs - DAY_MS);
    const laterOffset = offsetAt(wallMs + DAY_MS);
    const first = wallMs - earlierOffset * MINUTE_MS;
    const second = wallMs - laterOffset * MINUTE_MS;
    const firstHolds = offsetAt(first) === earlierOffset;
    const secondHolds = offsetAt(second) === laterOffset;
    if (firstHolds && secondHolds) return Math.min(first, second);
    if (firstHolds) return first;
    if (secondHolds) return second;
    // In the gap: moved forward by the gap, read with the offset before the change.
    return first;
  }
}

/** A zone's offsets in a window of time: `offsets[k]` holds from `starts[k]` (the first from the window's start). */
interface OffsetChanges {
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

/** The offset at `ms` (in the window the changes were read for). */
function offsetFromChanges(changes: OffsetChanges, ms: number): number {
  let index = 0;
  while (index + 1 < changes.starts.length && (changes.starts[index + 1] as number) <= ms) index++;
  return changes.offsets[index] as number;
}

/**
 * The offsets of a zone from `from` to `to`: read every hour, and where two readings differ, the instant of the change
 * found to the millisecond by halving. Offsets do not change twice within an hour, so the hourly readings see every
 * change; `offsetFromChanges` then gives what Intl gives at any instant of the window, without asking it again.
 */
function changesAround(from: number, to: number, offsetAt: (ms: number) => number): OffsetChanges {
  const starts = [from];
  const offsets = [offsetAt(from)];
  let previous = from;
  for (let at = from + 3_600_000; at <= to + 3_600_000; at += 3_600_000) {
    const offset = offsetAt(at);
    if (offset !== offsets[offsets.length - 1]) {
      // The change is in (previous, at]: the first millisecond with the new offset.
      let low = previous;
      let high = at;
      while (high - low > 1) {
        const middle = low + Math.floor((high - low) / 2);
        if (offsetAt(middle) === offset) high = middle;
        else low = middle;
      }
      starts.push(high);
      offsets.push(offset);
    }
    previous = at;
  }
  return { starts, offsets };
}

/** ISO 8601 as exports and APIs write it, most specific first. */
const ISO_FORMATS = [
  "yyyy-MM-dd'T'HH:mm:ss.SSSX",
  "yyyy-MM-dd'T'HH:mm:ssX",
  "yyyy-MM-dd'T'HH:mmX",
  "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
  "yyyy-MM-dd'T'HH:mm:ssXXX",
  "yyyy-MM-dd'T'HH:mmXXX",
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm",
  'yyyy-MM-dd HH:mm:ss.SSS',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd',
] as const;

/** The formats a date step reads when it names none: ISO 8601 dates and date-times, with or without an offset. */
export const DEFAULT_DATE_FORMATS: readonly string[] = ISO_FORMATS;

/** Whether date-fns can read with this format (it throws on some malformed formats), for checking definitions. */
export function isUsableDateFormat(format: string): boolean {
  if (format === 'epochMilliseconds' || format === 'epochSeconds') return true;
  try {
    // Reading a sample written in the format runs every check date-fns makes (an empty text stops at the first token,
    // before the check of tokens that cannot stand together, such as a day given twice).
    const sample = new Date(Date.UTC(2021, 2, 4, 5, 6, 7, 8));
    parseWithDateFns(formatWithDateFns(sample, format), format, new Date(0));
    return true;
  } catch {
    return false;
  }
}

/**
 * Compiles date formats and a time zone into a reader: the first format the text fits gives the instant. Besides
 * date-fns formats, `epochMilliseconds` and `epochSeconds` read numbers since 1970 (as HubSpot's older APIs write
 * them).
 *
 * @param formats - date-fns formats, tried in order.
 * @param timeZone - IANA zone in which text without an offset is read.
 * @param shortcuts - `false` reads every text the general way (tokens, `Date.UTC`, Intl near a change of offset):
 * for tests that compare the shortcuts with it.
 */
export function compileDateReader(formats: readonly string[], timeZone: string, shortcuts = true): DateTextReader {
  const toInstant = createZoneConverter(timeZone, shortcuts);
  const readers: DateTextReader[] = formats.map((format): DateTextReader => {
    if (format === 'epochMilliseconds' || format === 'epochSeconds') {
      const scale = format === 'epochSeconds' ? 1000 : 1;
      return (text) => (/^-?\d{1,16}(\.\d+)?$/.test(text) ? Math.round(Number(text) * scale) : NaN);
    }
    const tokens = tokenize(format);
    if (tokens === undefined) {
      // Not a numeric format: date-fns reads the fields in UTC (the same in every process time zone); an offset or a
      // timestamp in the text gives the instant itself, else the fields are wall-clock time in the zone.
      const context = tz('UTC');
      const reference = new Date(0);
      const absolute = /[XxOtT]/.test(format.replace(/'[^']*'/g, ''));
      return (text) => {
        const ms = parseWithDateFns(text, format, reference, { in: context }).getTime();
        return absolute || ms !== ms ? ms : toInstant(ms);
      };
    }
    const hasOffset = tokens.some((token) => token.kind === 'offset');
    // The format's literals (separators such as 'T', ' ', ':'): a text that lacks one cannot fit, and is not read
    // field by field (so a plain date skips the date-time formats listed before its own in DEFAULT_DATE_FORMATS).
    const literals = [...new Set(tokens.flatMap((token) => (token.kind === 'literal' ? [token.text] : [])))];
    const fields: Fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0, meridiem: 0, hour12: false, offsetMinutes: 0 };
    const layout = shortcuts ? fixedLayout(tokens) : undefined;
    return (text) => {
      if (layout !== undefined) {
        const wall = readFixedLayout(layout, text);
        if (wall !== undefined) return wall !== wall ? NaN : toInstant(wall);
      }
      // Before reading field by field (a text that fits the fixed layout has its literals in place already).
      if (shortcuts) for (let index = 0; index < literals.length; index++) if (!text.includes(literals[index] as string)) return NaN;
      fields.year = 1970;
      fields.month = 1;
      fields.day = 1;
      fields.hour = 0;
      fields.minute = 0;
      fields.second = 0;
      fields.millisecond = 0;
      fields.meridiem = 0;
      fields.hour12 = false;
      fields.offsetMinutes = 0;
      if (!readFields(tokens, text, fields)) return NaN;
      const wall = wallClockMs(fields, shortcuts);
      if (wall !== wall) return NaN;
      return hasOffset ? wall - fields.offsetMinutes * MINUTE_MS : toInstant(wall);
    };
  });
  if (readers.length === 1) return readers[0] as DateTextReader;
  return (text) => {
    for (const read of readers) {
      const ms = read(text);
      if (ms === ms) return ms;
    }
    return NaN;
  };
}
