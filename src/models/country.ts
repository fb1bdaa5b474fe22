import * as z from 'zod/v4';
import { showValue } from '../errors.ts';

// ISO 3166-1 alpha-2, officially assigned codes.
const countryCodeText =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';
const countryCodes = new Set(countryCodeText.split(' '));

/** Every ISO 3166-1 alpha-2 code leadkit knows, in alphabetical order. */
export const countryCodeList: readonly string[] = countryCodeText.split(' ');

/** An ISO 3166-1 alpha-2 country code in upper case (`US`, `DE`, `BR`). */
export const CountryCode = z.string().refine((code) => countryCodes.has(code), {
  error: (iss) => {
    const suggestion = suggestCountryCode(iss.input);
    return `${showValue(iss.input)} is not an ISO 3166-1 alpha-2 country code (such as US, DE, BR)${suggestion === undefined ? '' : `; did you mean ${JSON.stringify(suggestion)}?`}`;
  },
});

// Codes people write that ISO does not assign (or assigns to another country), and the code they mean.
const aliases = new Map<string, string>([
  ['UK', 'GB'],
  ['EN', 'GB'],
  ['USA', 'US'],
  ['UAE', 'AE'],
]);

/**
 * The ISO 3166-1 alpha-2 code someone most likely meant: the code in upper case (`us` → `US`), a common alias
 * (`UK` → `GB`, `USA` → `US`), or a country's English name (`Germany` → `DE`, where the runtime knows region names).
 * `undefined` when nothing fits.
 *
 * @example
 * ```ts
 * suggestCountryCode('UK');      // 'GB'
 * suggestCountryCode('germany'); // 'DE'
 * ```
 */
export function suggestCountryCode(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > 100) return undefined;
  const upper = input.trim().toUpperCase();
  if (countryCodes.has(upper)) return upper;
  const alias = aliases.get(upper.replace(/\./g, ''));
  if (alias !== undefined) return alias;
  let names: { of(code: string): string | undefined } | undefined;
  try {
    names = new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return undefined;
  }
  const wanted = input.trim().toLowerCase();
  for (const code of countryCodeText.split(' ')) if (names.of(code)?.toLowerCase() === wanted) return code;
  return undefined;
}

/** An ISO 3166-1 alpha-2 country code. */
export type CountryCode = z.output<typeof CountryCode>;

/** Whether `code` is an assigned ISO 3166-1 alpha-2 country code. */
export function isCountryCode(code: string): boolean {
  return countryCodes.has(code);
}
