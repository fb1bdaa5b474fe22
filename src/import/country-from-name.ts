import countryNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import countryCodeTable from 'i18n-iso-countries/codes.json' with { type: 'json' };
import { isCountryCode } from '../models/country.ts';

/**
 * Country names to ISO 3166-1 alpha-2 codes, from the maintained `i18n-iso-countries` data (English names and the
 * aliases it lists: `United States of America`, `United States`, `USA`, `U.S.`, `UK`, `Great Britain`, `Ivory Coast`,
 * …) and its alpha-3 codes (`DEU`). Names are compared without case, accents, dots or apostrophes, and with runs of
 * other punctuation and spaces read as one space (`Cote d'Ivoire` = `Côte d’Ivoire`). A name that the data gives to
 * two countries (`Congo`) is ambiguous and gives no code. leadkit's own `CountryCode` stays the validator: every code
 * returned is one it accepts.
 */

/** A name folded for comparison: lower case, accents and dots/apostrophes removed, other punctuation as spaces. */
export function foldCountryName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.'’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let table: Map<string, string | null> | undefined;

function countryTable(): Map<string, string | null> {
  if (table !== undefined) return table;
  const built = new Map<string, string | null>();
  const add = (name: string, code: string): void => {
    const key = foldCountryName(name);
    if (key === '') return;
    const known = built.get(key);
    if (known === undefined) built.set(key, code);
    else if (known !== code) built.set(key, null);
  };
  const names = (countryNames as { countries: Record<string, string | readonly string[]> }).countries;
  for (const code of Object.keys(names)) {
    if (!isCountryCode(code)) continue;
    const value = names[code] as string | readonly string[];
    for (const name of typeof value === 'string' ? [value] : value) add(name, code);
  }
  for (const row of countryCodeTable as readonly (readonly string[])[]) {
    const [alpha2, alpha3] = row;
    if (alpha2 !== undefined && alpha3 !== undefined && isCountryCode(alpha2)) add(alpha3, alpha2);
  }
  table = built;
  return built;
}

/** What {@link countryCodeFromName} found: the code, or why there is none. */
export type CountryLookup = { readonly code: string } | { readonly ambiguous: true } | undefined;

/**
 * The ISO 3166-1 alpha-2 code of a country written as an exporting system wrote it: a code in any case (`us`), an
 * alpha-3 code (`DEU`), an English name or a listed alias (`United States`, `UK`, `Viet Nam`). `{ ambiguous: true }`
 * for a name two countries share, `undefined` when nothing fits.
 *
 * @example
 * ```ts
 * countryCodeFromName('United Kingdom'); // { code: 'GB' }
 * countryCodeFromName('Congo');          // { ambiguous: true }
 * ```
 */
export function countryCodeFromName(text: string): CountryLookup {
  const trimmed = text.trim();
  if (trimmed.length === 2) {
    const upper = trimmed.toUpperCase();
    if (isCountryCode(upper)) return { code: upper };
  }
  if (trimmed.length > 100) return undefined;
  const found = countryTable().get(foldCountryName(trimmed));
  if (found === undefined) return undefined;
  return found === null ? { ambiguous: true } : { code: found };
}

/** Every folded name and alias the lookup knows, for "did you mean" suggestions. */
export function knownCountryNames(): string[] {
  const names = (countryNames as { countries: Record<string, string | readonly string[]> }).countries;
  return Object.values(names).flatMap((value) => (typeof value === 'string' ? [value] : [...value]));
}
