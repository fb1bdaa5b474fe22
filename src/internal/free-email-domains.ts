/**
 * A small embedded list of free (consumer) e-mail domains. A lead writing from one of them gives no company domain,
 * and many ICPs treat it as a weak or disqualifying signal.
 */
export const FREE_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
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
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.fr',
  'yahoo.de',
  'yahoo.es',
  'yahoo.it',
  'yahoo.com.br',
  'ymail.com',
  'rocketmail.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'gmx.at',
  'gmx.ch',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
  'fastmail.com',
  'fastmail.fm',
  'tutanota.com',
  'hey.com',
  'bol.com.br',
  'uol.com.br',
  'terra.com.br',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  't-online.de',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'rediffmail.com',
]);

/**
 * Whether a domain (or the domain of an e-mail address) is a free e-mail provider. Case and surrounding spaces are
 * ignored.
 *
 * @example
 * ```ts
 * isFreeEmailDomain('Ada@Gmail.com'); // true
 * isFreeEmailDomain('acme.com');      // false
 * ```
 */
export function isFreeEmailDomain(domainOrEmail: string): boolean {
  const text = domainOrEmail.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  return FREE_EMAIL_DOMAINS.has(at === -1 ? text : text.slice(at + 1));
}
