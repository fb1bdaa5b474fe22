import { parse } from 'date-fns';
import { tz } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { compileDateReader, DEFAULT_DATE_FORMATS, isKnownTimeZone } from './date-reader.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('compileDateReader', () => {
  it('reads wall-clock time in the stated zone, whatever the process time zone', () => {
    const berlin = compileDateReader(['yyyy-MM-dd HH:mm'], 'Europe/Berlin');
    expect(iso(berlin('2024-01-15 09:30'))).toBe('2024-01-15T08:30:00.000Z');
    expect(iso(berlin('2024-07-15 09:30'))).toBe('2024-07-15T07:30:00.000Z');
    const newYork = compileDateReader(['M/d/yyyy h:mm a'], 'America/New_York');
    expect(iso(newYork('5/1/2024 9:30 PM'))).toBe('2024-05-02T01:30:00.000Z');
    expect(iso(newYork('12/31/2023 12:05 AM'))).toBe('2023-12-31T05:05:00.000Z');
    expect(iso(compileDateReader(['dd/MM/yyyy'], 'Asia/Kolkata')('01/02/2024'))).toBe('2024-01-31T18:30:00.000Z');
  });

  it('reads the spring-forward gap forward and the autumn overlap as the earlier instant, in any process time zone', () => {
    for (const [zone, text, expected] of [
      ['America/New_York', '2024-03-10 02:30', '2024-03-10T07:30:00.000Z'],
      ['America/New_York', '2024-11-03 01:30', '2024-11-03T05:30:00.000Z'],
      ['Europe/Berlin', '2024-03-31 02:30', '2024-03-31T01:30:00.000Z'],
      ['Europe/Berlin', '2024-10-27 02:30', '2024-10-27T00:30:00.000Z'],
      ['Europe/Berlin', '1999-10-31 00:30', '1999-10-30T22:30:00.000Z'],
      ['Australia/Lord_Howe', '2024-04-07 01:45', '2024-04-06T14:45:00.000Z'],
      ['America/St_Johns', '2024-03-10 02:15', '2024-03-10T05:45:00.000Z'],
    ] as const)
      expect(iso(compileDateReader(['yyyy-MM-dd HH:mm'], zone)(text)), `${zone} ${text}`).toBe(expected);
  });

  it('refuses dates that do not exist and text that does not fit the format', () => {
    const read = compileDateReader(['dd/MM/yyyy'], 'UTC');
    expect(read('31/02/2024')).toBeNaN();
    expect(read('29/02/2023')).toBeNaN();
    expect(read('29/02/2024')).toBe(Date.UTC(2024, 1, 29));
    expect(read('2024-02-01')).toBeNaN();
    expect(read('32/01/2024')).toBeNaN();
    expect(compileDateReader(['yyyy-MM-dd HH:mm'], 'UTC')('2024-01-01 24:00')).toBeNaN();
  });

  it('reads ISO 8601 with or without an offset by default', () => {
    const read = compileDateReader(DEFAULT_DATE_FORMATS, 'America/Los_Angeles');
    expect(iso(read('2024-05-01T09:30:00.000Z'))).toBe('2024-05-01T09:30:00.000Z');
    expect(iso(read('2024-05-01T09:30:00.000+0000'))).toBe('2024-05-01T09:30:00.000Z');
    expect(iso(read('2024-05-01T11:30:00+02:00'))).toBe('2024-05-01T09:30:00.000Z');
    expect(iso(read('2024-05-01T09:30:00'))).toBe('2024-05-01T16:30:00.000Z');
    expect(iso(read('2024-05-01'))).toBe('2024-05-01T07:00:00.000Z');
    expect(read('2024-13-01')).toBeNaN();
  });

  it('reads epoch milliseconds and seconds', () => {
    expect(compileDateReader(['epochMilliseconds'], 'UTC')('1714555800000')).toBe(1714555800000);
    expect(compileDateReader(['epochSeconds'], 'UTC')('1714555800')).toBe(1714555800000);
  });

  it('leaves formats it does not compile to date-fns, in the zone', () => {
    const read = compileDateReader(['d MMMM yyyy'], 'Europe/Paris');
    expect(read('1 May 2024')).toBe(parse('1 May 2024', 'd MMMM yyyy', new Date(0), { in: tz('UTC') }).getTime() - 2 * 3_600_000);
    expect(iso(read('1 May 2024'))).toBe('2024-04-30T22:00:00.000Z');
  });

  it('knows IANA zones', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('compileDateReader, token by token', () => {
  it("reads a quoted literal and '' as a single quote", () => {
    expect(iso(compileDateReader(["dd.MM.yyyy 'um' HH:mm"], 'UTC')('02.01.2024 um 09:15'))).toBe('2024-01-02T09:15:00.000Z');
    expect(iso(compileDateReader(["yyyy-MM-dd''HH"], 'UTC')("2024-01-02'09"))).toBe('2024-01-02T09:00:00.000Z');
    expect(compileDateReader(["dd.MM.yyyy 'um' HH:mm"], 'UTC')('02.01.2024 at 09:15')).toBeNaN();
  });

  it('reads offsets in the three styles, and refuses malformed ones', () => {
    const extended = compileDateReader(['yyyy-MM-dd HH:mmXXX'], 'Asia/Tokyo');
    expect(iso(extended('2024-01-02 09:00+01:00'))).toBe('2024-01-02T08:00:00.000Z');
    expect(iso(extended('2024-01-02 09:00Z'))).toBe('2024-01-02T09:00:00.000Z');
    for (const text of ['2024-01-02 09:00+0100', '2024-01-02 09:00+1:00', '2024-01-02 09:00+01:6', '2024-01-02 09:00+01:60', '2024-01-02 09:00 01:00'])
      expect(extended(text), text).toBeNaN();
    const basic = compileDateReader(['yyyy-MM-dd HH:mmXX'], 'UTC');
    expect(iso(basic('2024-01-02 09:00-0530'))).toBe('2024-01-02T14:30:00.000Z');
    expect(basic('2024-01-02 09:00-05')).toBeNaN();
    const optional = compileDateReader(['yyyy-MM-dd HH:mmX'], 'UTC');
    expect(iso(optional('2024-01-02 09:00+01'))).toBe('2024-01-02T08:00:00.000Z');
    expect(iso(optional('2024-01-02 09:00-0130'))).toBe('2024-01-02T10:30:00.000Z');
  });

  it('needs at least one digit of a fraction, and refuses hours outside the clock', () => {
    const millis = compileDateReader(['yyyy-MM-dd HH:mm:ss.SSS'], 'UTC');
    expect(iso(millis('2024-01-02 09:00:01.5'))).toBe('2024-01-02T09:00:01.005Z');
    expect(millis('2024-01-02 09:00:01.')).toBeNaN();
    const twelve = compileDateReader(['yyyy-MM-dd h:mm a'], 'UTC');
    expect(iso(twelve('2024-01-02 12:30 pm'))).toBe('2024-01-02T12:30:00.000Z');
    expect(twelve('2024-01-02 13:00 PM')).toBeNaN();
    expect(twelve('2024-01-02 0:30 AM')).toBeNaN();
    expect(twelve('2024-01-02 9:30 XM')).toBeNaN();
  });

  it('reads a field written twice twice, the second winning', () => {
    expect(iso(compileDateReader(['dd/MM/yyyy (dd)'], 'UTC')('01/02/2024 (03)'))).toBe('2024-02-03T00:00:00.000Z');
  });

  it('reads a format with words through date-fns: an offset in the text gives the instant, unreadable text NaN', () => {
    const words = compileDateReader(['MMM d, yyyy HH:mm XXX'], 'America/New_York');
    expect(iso(words('Jan 2, 2024 09:00 +01:00'))).toBe('2024-01-02T08:00:00.000Z');
    expect(words('not a date')).toBeNaN();
    const local = compileDateReader(['MMM d, yyyy'], 'America/New_York');
    expect(iso(local('Jan 2, 2024'))).toBe('2024-01-02T05:00:00.000Z');
    expect(local('Foo 2, 2024')).toBeNaN();
  });
});
