import type { Lead } from '../models/lead.ts';
import { leadDedupKeys } from './dedup-keys.ts';

/** Why two leads look like the same person. */
export type DuplicateReason = 'same_email' | 'same_phone' | 'same_name_at_company';

/** One piece of evidence that leads in a group are duplicates. */
export interface DuplicateEvidence {
  /** The rule that matched. */
  readonly reason: DuplicateReason;
  /** The normalised value they share. */
  readonly value: string;
  /** Ids of the leads sharing it. */
  readonly leadIds: readonly string[];
}

/** A group of likely duplicates (connected by at least one shared key). */
export interface DuplicateGroup<L> {
  /** The leads, in input order. */
  readonly leads: readonly L[];
  /** Every shared key found in the group. */
  readonly evidence: readonly DuplicateEvidence[];
}

/** Options of {@link findDuplicates}. */
export interface FindDuplicatesOptions {
  /** Calling code for phone numbers written without one (`'1'`, `'44'`). */
  readonly defaultCallingCode?: string;
  /** Rules to apply (default: all three). */
  readonly reasons?: readonly DuplicateReason[];
}

/**
 * Groups likely duplicate leads: same normalised e-mail, same normalised phone, or same first and last name at the
 * same company domain. Groups are transitive (A shares an e-mail with B, B a phone with C: one group) and list every
 * shared key as evidence. Linear in the number of leads (hash maps and union–find). The leads are not mutated.
 *
 * @example
 * ```ts
 * for (const group of findDuplicates(leads)) {
 *   console.log(group.leads.map((lead) => lead.id), group.evidence.map((e) => `${e.reason}: ${e.value}`));
 * }
 * ```
 */
export function findDuplicates<L extends Lead>(leads: Iterable<L>, options: FindDuplicatesOptions = {}): DuplicateGroup<L>[] {
  const reasons = new Set<DuplicateReason>(options.reasons ?? ['same_email', 'same_phone', 'same_name_at_company']);
  const list: L[] = [];
  const parent: number[] = [];
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[index] !== root) {
      const next = parent[index] as number;
      parent[index] = root;
      index = next;
    }
    return root;
  };
  const keyMembers = new Map<string, number[]>();
  const add = (reason: DuplicateReason, value: string | undefined, index: number): void => {
    if (value === undefined || !reasons.has(reason)) return;
    const key = `${reason}\u0000${value}`;
    const members = keyMembers.get(key);
    if (members === undefined) keyMembers.set(key, [index]);
    else {
      const a = find(members[0] as number);
      const b = find(index);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      members.push(index);
    }
  };
  for (const lead of leads) {
    const index = list.length;
    list.push(lead);
    parent.push(index);
    const keys = leadDedupKeys(lead, options);
    add('same_email', keys.email, index);
    add('same_phone', keys.phone, index);
    add('same_name_at_company', keys.nameAtCompany, index);
  }
  const groups = new Map<number, { members: number[]; evidence: DuplicateEvidence[] }>();
  for (const [key, members] of keyMembers) {
    if (members.length < 2) continue;
    const root = find(members[0] as number);
    let group = groups.get(root);
    if (group === undefined) groups.set(root, (group = { members: [], evidence: [] }));
    const separator = key.indexOf('\u0000');
    group.evidence.push({
      reason: key.slice(0, separator) as DuplicateReason,
      value: key.slice(separator + 1),
      leadIds: members.map((member) => (list[member] as L).id),
    });
  }
  for (let index = 0; index < list.length; index++) groups.get(find(index))?.members.push(index);
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, group]) => ({ leads: group.members.map((member) => list[member] as L), evidence: group.evidence }));
}
