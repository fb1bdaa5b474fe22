import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { bantFramework } from './builtins/bant.ts';
import { extendFramework } from './extend-framework.ts';

/** The problems an extension is refused with, as `path code: message`. */
function refusal(extend: () => unknown): string[] {
  try {
    extend();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((found) => `${found.pathText} ${found.code}: ${found.message}`);
    throw error;
  }
  throw new Error('expected the extension to be refused');
}
// A base whose criteria are typed loosely, to name criteria it does not have (as a plugin written in JavaScript may).
const loose = bantFramework as unknown as Parameters<typeof extendFramework<string, string>>[0];

describe('extendFramework: refusals, each with its path', () => {
  it('names every change to a criterion the base does not have', () => {
    expect(
      refusal(() =>
        extendFramework(loose, {
          id: 'x',
          update: { budjet: { weight: 2 } },
          remove: ['need', 'nede'],
          rename: { timelin: 'timing' },
        }),
      ),
    ).toEqual([
      'update.budjet unknown_criterion: bant has no criterion "budjet"',
      'remove[1] unknown_criterion: bant has no criterion "nede"',
      'rename.timelin unknown_criterion: bant has no criterion "timelin"',
    ]);
  });

  it('refuses renaming a removed criterion, and a rename to something that is not a key', () => {
    expect(refusal(() => extendFramework(loose, { id: 'x', remove: ['need'], rename: { need: 'pain', budget: 7 as unknown as string } }))).toEqual([
      'rename.need conflicting_change: criterion "need" is also removed',
      'rename.budget invalid_type: must be the new key',
    ]);
  });

  it('refuses inserting after a criterion that is not there, and names the extension and its base', () => {
    const extend = () => extendFramework(bantFramework, { id: 'bant-x', remove: ['need'], add: [{ key: 'fit', label: 'Fit', after: 'need' }] });
    expect(refusal(extend)).toEqual(['add[0].after unknown_criterion: there is no criterion "need" to insert after']);
    expect(extend).toThrow(/^Invalid extension bant-x of framework bant \(1 problem\):/);
  });
});

describe('extendFramework: what is kept and what changes', () => {
  it('adds a criterion without `after` at the end, and one after the last criterion also at the end', () => {
    const extended = extendFramework(bantFramework, {
      id: 'bant-plus',
      add: [
        { key: 'fit', label: 'Fit' },
        { key: 'risk', label: 'Risk', after: 'fit' },
        { key: 'champion', label: 'Champion', after: 'budget' },
      ],
    });
    expect(extended.criteria.map((criterion) => criterion.key)).toEqual(['budget', 'champion', 'authority', 'need', 'timeline', 'fit', 'risk']);
  });

  it('keeps the base’s name, description, version, scale, rule and stale age unless given', () => {
    const kept = extendFramework(bantFramework, { id: 'same' });
    expect(kept).toStrictEqual({ ...bantFramework, id: 'same' });
    const changed = extendFramework(bantFramework, { id: 'other', name: 'Other', description: 'Changed', version: 4, rule: { minMet: 1 }, staleAfterDays: 30 });
    expect([changed.name, changed.description, changed.version, changed.rule, changed.staleAfterDays]).toEqual(['Other', 'Changed', 4, { minMet: 1 }, 30]);
  });

  it('ignores the fields of an update that are undefined', () => {
    const heavy = extendFramework(bantFramework, { id: 'heavy', update: { authority: { weight: 3, required: true } } });
    const again = extendFramework(heavy, { id: 'again', update: { authority: { weight: undefined, required: undefined, label: 'Decider' } } });
    expect(again.criteria[1]).toMatchObject({ key: 'authority', label: 'Decider', weight: 3, required: true });
  });
});
