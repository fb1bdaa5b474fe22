import type { Seniority } from '../models/contact.ts';

/**
 * The rules of {@link seniorityFromTitle}, in the order they are tried: the first whose pattern matches the title
 * (lower-cased, with punctuation read as spaces) gives the seniority. Listed here so the heuristic is documented by
 * its own data.
 */
export const SENIORITY_TITLE_RULES: readonly { readonly seniority: Seniority; readonly pattern: RegExp; readonly examples: readonly string[] }[] = [
  { seniority: 'student', pattern: /\b(student|phd candidate|undergraduate)\b/, examples: ['Student', 'MBA Student'] },
  { seniority: 'intern', pattern: /\b(intern|internship|trainee|apprentice|werkstudent)\b/, examples: ['Marketing Intern', 'Trainee'] },
  // An assistant to an executive is not the executive.
  { seniority: 'entry', pattern: /\b(assistant to|executive assistant|personal assistant)\b/, examples: ['Executive Assistant to the CEO'] },
  { seniority: 'owner', pattern: /\b(owner|founder|co founder|cofounder|proprietor)\b/, examples: ['Founder & CEO', 'Owner'] },
  { seniority: 'vp', pattern: /\b(vice president|vp|svp|evp|avp|v p)\b/, examples: ['VP Engineering', 'Senior Vice President, Sales'] },
  {
    seniority: 'c_level',
    pattern: /\b(chief|ceo|cto|cfo|coo|cmo|cio|cro|cso|cpo|cdo|ciso|president|managing director|general manager)\b/,
    examples: ['CTO', 'Chief Revenue Officer', 'President', 'Managing Director'],
  },
  { seniority: 'partner', pattern: /\bpartner$/, examples: ['Partner', 'Managing Partner'] },
  { seniority: 'director', pattern: /\b(director|head of|head|dir)\b/, examples: ['IT Director', 'Head of Data', 'Associate Director'] },
  { seniority: 'manager', pattern: /\b(manager|mgr|supervisor|team lead|team leader)\b/, examples: ['Product Manager', 'Team Lead, Support'] },
  {
    seniority: 'senior',
    pattern: /\b(senior|sr|principal|staff|lead|architect|expert)\b/,
    examples: ['Senior Engineer', 'Principal Consultant', 'Lead Developer'],
  },
  { seniority: 'entry', pattern: /\b(junior|jr|entry level|graduate|associate|assistant|apprentice)\b/, examples: ['Junior Analyst', 'Sales Associate'] },
];

/**
 * A documented heuristic from a job title to a seniority, for exports that have a title and no seniority: the first
 * of {@link SENIORITY_TITLE_RULES} that matches wins (so `Founder & CEO` is `owner`, `VP, Chief of Staff` is `vp`,
 * `Executive Assistant to the CEO` is `entry`, `Partner Manager` is `manager`). A title with no seniority word
 * (`Software Engineer`, `Accountant`) gives `undefined`: no seniority is better than a guessed one.
 *
 * @example
 * ```ts
 * seniorityFromTitle('Sr. Director, IT'); // 'director'
 * seniorityFromTitle('Head of Growth');   // 'director'
 * seniorityFromTitle('Engineer');         // undefined
 * ```
 */
export function seniorityFromTitle(title: string): Seniority | undefined {
  if (title.length > 500) return undefined;
  const words = title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (words === '') return undefined;
  for (const rule of SENIORITY_TITLE_RULES) if (rule.pattern.test(words)) return rule.seniority;
  return undefined;
}
