import { currencyExponent } from '../models/money.ts';

/** How numbers are written in a column: the decimal separator and the thousands grouping. */
export interface NumberFormat {
  /** The decimal separator: `.` (default) or `,`. */
  readonly decimal?: '.' | ',' | undefined;
  /**
   * The thousands separator: `,` (default when the decimal is `.`), `.` (default when the decimal is `,`), a space,
   * an apostrophe (`1'234`), or `''` for none. Non-breaking and thin spaces count as spaces.
   */
  readonly grouping?: ',' | '.' | ' ' | "'" | '' | undefined;
}

/** A number read from text: its canonical decimal form (`-1234.5`), or why it is not one. */
export type NumberText = { readonly ok: true; readonly decimal: string } | { readonly ok: false; readonly message: string };

const currencySymbols = /^[$€£¥₹₩₽₺₪]|[$€£¥₹₩₽₺₪]$/g;

/**
 * Reads a number as people and exports write it: an optional sign, digits grouped by thousands with the grouping
 * separator (groups of three after the first), an optional decimal part after the decimal separator, a currency symbol
 * before or after (`$1,200`, `1.200,50 €`), or scientific notation (`1.2E+07`, as spreadsheets write large numbers;
 * with `.` as the decimal separator only). Text with two decimal separators, a misplaced grouping separator or letters
 * is refused, saying why.
 */
export function readNumberText(input: string, format: NumberFormat = {}): NumberText {
  if (input.length > 0 && input.length < 16 && isDigits(input))
    return { ok: true, decimal: input.length > 1 && input.charCodeAt(0) === 48 ? input.replace(/^0+(?=\d)/, '') : input };
  const decimalSeparator = format.decimal ?? '.';
  const grouping = format.grouping ?? (decimalSeparator === '.' ? ',' : '.');
  let text = input.trim();
  let sign = '';
  if (text[0] === '-' || text[0] === '+') {
    sign = text[0] === '-' ? '-' : '';
    text = text.slice(1).trim();
  }
  text = text.replace(currencySymbols, '').trim();
  if (grouping === ' ') text = text.replace(/[\u00a0\u202f\u2009]/g, ' ');
  if (text === '') return { ok: false, message: `${JSON.stringify(input)} is not a number` };
  if (decimalSeparator === '.' && /^\d+(\.\d+)?[eE][+-]?\d+$/.test(text)) {
    const value = Number(text);
    if (!Number.isFinite(value)) return { ok: false, message: `${JSON.stringify(input)} is too large` };
    return { ok: true, decimal: sign + plainDecimal(value) };
  }
  const decimalCount = text.split(decimalSeparator).length - 1;
  if (decimalCount > 1) return { ok: false, message: `${JSON.stringify(input)} has ${decimalCount} decimal separators ("${decimalSeparator}"): not a number` };
  const [whole = '', fraction] = decimalCount === 1 ? text.split(decimalSeparator) : [text, undefined];
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return { ok: false, message: notNumber(input, decimalSeparator, grouping) };
  let digits = whole;
  if (grouping !== '' && whole.includes(grouping)) {
    const groups = whole.split(grouping);
    const first = groups[0] as string;
    if (!/^\d{1,3}$/.test(first) || !groups.slice(1).every((group) => /^\d{3}$/.test(group)))
      return {
        ok: false,
        message: `${JSON.stringify(input)} has a misplaced "${grouping}": write thousands in groups of three, such as 1${grouping}234${grouping}567`,
      };
    digits = groups.join('');
  }
  if (!/^\d+$/.test(digits) && !(digits === '' && fraction !== undefined)) return { ok: false, message: notNumber(input, decimalSeparator, grouping) };
  const normalized = (digits === '' ? '0' : digits.replace(/^0+(?=\d)/, '')) + (fraction === undefined ? '' : `.${fraction}`);
  return { ok: true, decimal: sign + normalized };
}

function notNumber(input: string, decimal: string, grouping: string): string {
  return `${JSON.stringify(input)} is not a number (expected digits${grouping === '' ? '' : ` grouped with "${grouping}"`} and "${decimal}" as the decimal separator, such as 1${grouping}234${decimal}5)`;
}

/** A finite number as a plain decimal string, without exponent. */
function plainDecimal(value: number): string {
  const text = String(Math.abs(value));
  if (!/e/i.test(text)) return text;
  return Math.abs(value)
    .toFixed(20)
    .replace(/\.?0+$/, '');
}

/**
 * Minor units of a currency from a canonical decimal string, or why not (more decimals than the currency has).
 * `shortcuts: false` converts every text the general way (for tests that compare the shortcut with it).
 */
export function decimalToMinorUnits(
  decimal: string,
  currency: string,
  shortcuts = true,
): { readonly ok: true; readonly minor: number } | { readonly ok: false; readonly message: string } {
  const exponent = currencyExponent(currency);
  // Whole units of at most 15 digits with their minor digits: exact as a number, the same as the general way below.
  if (shortcuts && decimal.length + exponent <= 15 && decimal.length > 0 && isDigits(decimal)) return { ok: true, minor: Number(decimal) * 10 ** exponent };
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) return { ok: false, message: `${JSON.stringify(decimal)} has more decimal places than ${currency} allows (${exponent})` };
  const minor = Number(whole + significant.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, message: `${JSON.stringify(decimal)} is too large an amount` };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

function isDigits(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
