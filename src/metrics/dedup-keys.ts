import type { Lead } from '../models/lead.ts';
import { isFreeEmailDomain } from '../internal/free-email-domains.ts';

// Providers that deliver `name+tag@` to `name@`, by family: a provider's country and legacy domains are the same
// service and follow the same rule (hotmail.fr as hotmail.com, mac.com as me.com). Gmail also ignores dots in the
// local part. Yahoo is absent on purpose: it uses `name-keyword@` disposable addresses, not plus-tags.
const plusTagFamilies: Readonly<Record<string, readonly string[]>> = {
  google: ['gmail.com', 'googlemail.com'],
  microsoft: [
    'outlook.com',
    'outlook.fr',
    'outlook.de',
    'hotmail.com',
    'hotmail.co.uk',
    'hotmail.fr',
    'hotmail.de',
    'hotmail.it',
    'hotmail.es',
    'live.com',
    'live.co.uk',
    'live.fr',
    'msn.com',
  ],
  apple: ['icloud.com', 'me.com', 'mac.com'],
  fastmail: ['fastmail.com', 'fastmail.fm'],
  proton: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'],
};
/** Every domain whose provider removes plus-tags (internal; exported for the tests). */
export const PLUS_TAG_DOMAINS: ReadonlySet<string> = new Set(Object.values(plusTagFamilies).flat());
const dotlessProviders = new Set(['gmail.com', 'googlemail.com']);

/**
 * Normalises an e-mail address for matching: trimmed, lower case, `googlemail.com` read as `gmail.com`, and, for
 * providers that ignore them, plus-tags removed (`ada+news@gmail.com` → `ada@gmail.com`) and, for Gmail, dots in the
 * local part. Plus-tags are removed for whole provider families, every domain alike: Gmail; Microsoft's Outlook,
 * Hotmail, Live and MSN domains (`hotmail.fr`, `live.co.uk`…); Apple's iCloud, `me.com` and `mac.com`; Fastmail;
 * Proton. `undefined` when the text is not an address (or nothing of the mailbox is left). Idempotent: a normalised
 * address normalises to itself.
 *
 * @example
 * ```ts
 * normalizeEmail(' Ada.Lovelace+crm@GoogleMail.com '); // 'adalovelace@gmail.com'
 * normalizeEmail('ada+crm@acme.com');                  // 'ada+crm@acme.com' (a company server may route tags)
 * ```
 */
export function normalizeEmail(email: string): string | undefined {
  const text = email.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return undefined;
  let local = text.slice(0, at);
  let domain = text.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (PLUS_TAG_DOMAINS.has(domain)) {
    const plus = local.indexOf('+');
    if (plus > 0) local = local.slice(0, plus);
  }
  if (dotlessProviders.has(domain)) local = local.replaceAll('.', '');
  // `.+tag@gmail.com` leaves nothing of the mailbox: not an address (and `@gmail.com` would not normalise again).
  if (local === '') return undefined;
  return `${local}@${domain}`;
}

/**
 * Normalises a phone number for matching: digits only, with a leading `+` kept and `00` read as `+`. Numbers without
 * an international prefix are kept as national digits (add `defaultCallingCode` to make them international). Returns
 * `undefined` for fewer than 6 digits. Idempotent: a normalised number normalises to itself (with the same options).
 *
 * @example
 * ```ts
 * normalizePhone('+1 (555) 010-0199');                     // '+15550100199'
 * normalizePhone('0044 20 7946 0018');                     // '+442079460018'
 * normalizePhone('020 7946 0018', { defaultCallingCode: '44' }); // '+442079460018'
 * ```
 */
export function normalizePhone(phone: string, options: { readonly defaultCallingCode?: string } = {}): string | undefined {
  const trimmed = phone.trim();
  let digits = trimmed.replace(/\D/g, '');
  let international = trimmed.startsWith('+');
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  if (digits.length < 6) return undefined;
  if (international) return `+${digits}`;
  if (options.defaultCallingCode !== undefined) {
    const withCode = `${options.defaultCallingCode.replace(/\D/g, '')}${digits.replace(/^0+/, '')}`;
    // Checked again after the trunk zeros are dropped, so that a result always normalises to itself.
    return withCode.length < 6 ? undefined : `+${withCode}`;
  }
  return digits;
}

/**
 * Reduces a URL or host name to a bare lower-case domain (`https://www.Acme.com/about` → `acme.com`). A result
 * reduces to itself.
 */
export function domainFromWebsite(website: string): string | undefined {
  let text = website.trim().toLowerCase();
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  text = text.split(/[/?#:]/, 1)[0] ?? '';
  // Every leading `www.`: removing one only would leave `www.acme.com` from `www.www.acme.com`.
  while (text.startsWith('www.')) text = text.slice(4);
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(text) ? text : undefined;
}

/**
 * The lead's company domain: the company's `domain` (or a `website` custom field), else the domain of a business
 * e-mail address. Free e-mail domains never count as a company domain.
 *
 * @example
 * ```ts
 * companyDomainOf({ ...lead, contact: { email: 'ada@acme.com' } }); // 'acme.com'
 * ```
 */
export function companyDomainOf(lead: Pick<Lead, 'contact' | 'company' | 'customFields'>): string | undefined {
  const declared = lead.company?.domain;
  if (declared !== undefined) {
    const domain = domainFromWebsite(declared);
    if (domain !== undefined && !isFreeEmailDomain(domain)) return domain;
  }
  const website = lead.customFields === undefined || !Object.hasOwn(lead.customFields, 'website') ? undefined : lead.customFields['website'];
  if (typeof website === 'string') {
    const domain = domainFromWebsite(website);
    if (domain !== undefined && !isFreeEmailDomain(domain)) return domain;
  }
  const email = lead.contact.email === undefined ? undefined : normalizeEmail(lead.contact.email);
  if (email === undefined) return undefined;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return isFreeEmailDomain(domain) ? undefined : domain;
}

/** The keys on which two leads are compared for duplicates. A key is absent when the lead lacks the data. */
export interface LeadDedupKeys {
  /** Normalised e-mail ({@link normalizeEmail}). */
  readonly email: string | undefined;
  /** Normalised phone ({@link normalizePhone}). */
  readonly phone: string | undefined;
  /** Company domain ({@link companyDomainOf}). */
  readonly companyDomain: string | undefined;
  /** `first last@domain`, lower case: the same person at the same company. */
  readonly nameAtCompany: string | undefined;
}

/**
 * Computes a lead's dedup keys.
 *
 * @example
 * ```ts
 * leadDedupKeys(lead); // { email: 'ada@acme.com', phone: '+15550100199', companyDomain: 'acme.com', nameAtCompany: 'ada lovelace@acme.com' }
 * ```
 */
export function leadDedupKeys(lead: Pick<Lead, 'contact' | 'company' | 'customFields'>, options: { readonly defaultCallingCode?: string } = {}): LeadDedupKeys {
  const contact = lead.contact;
  const companyDomain = companyDomainOf(lead);
  const first = contact.firstName?.trim().toLowerCase();
  const last = contact.lastName?.trim().toLowerCase();
  return {
    email: contact.email === undefined ? undefined : normalizeEmail(contact.email),
    phone: contact.phone === undefined ? undefined : normalizePhone(contact.phone, options),
    companyDomain,
    nameAtCompany: first && last && companyDomain !== undefined ? `${first} ${last}@${companyDomain}` : undefined,
  };
}
