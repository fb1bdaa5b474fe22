import { describe, expect, it } from 'vitest';
import type { ImportMapping } from './mapping-definition.ts';
import { defineMapping } from './parse-mapping.ts';
import { readStageHistory } from './read-stage-history.ts';

const base = { id: 'history-test', timeZone: 'UTC', columns: { Id: 'id' }, defaults: { source: 'other' } } as const;

const leadHistory = defineMapping({
  ...base,
  history: {
    recordId: 'LeadId',
    at: 'CreatedDate',
    stage: { column: 'NewValue', steps: ['trim', { map: { Open: 'open', Working: 'working', Won: 'won' }, otherwise: 'reject' }] },
    from: { column: 'OldValue', steps: ['trim', { map: { Open: 'open', Working: 'working', Won: 'won' } }] },
    by: 'CreatedById',
    where: { column: 'Field', in: [' Status '] },
    event: 'status_change',
  },
});

const change = (id: string, at: string, to: string, extra: Record<string, unknown> = {}) => ({
  LeadId: id,
  CreatedDate: at,
  NewValue: to,
  Field: 'Status',
  ...extra,
});

describe('readStageHistory', () => {
  it('refuses a mapping without a history section, naming it', async () => {
    await expect(readStageHistory(defineMapping(base), [])).rejects.toThrow(
      new RangeError('readStageHistory: the mapping "history-test" has no "history" section'),
    );
  });

  it('keeps only the rows whose where column holds a listed value (trimmed, any case), counting the rest as skipped', async () => {
    const read = await readStageHistory(leadHistory, [
      change('L1', '2024-01-01T10:00:00Z', 'Open', { Field: 'STATUS ' }),
      change('L1', '2024-01-02T10:00:00Z', 'Working', { Field: 'Rating' }),
      change('L1', '2024-01-03T10:00:00Z', 'Working', { Field: undefined }),
      change('L1', '2024-01-04T10:00:00Z', 'Working', { Field: 7 }),
    ]);
    expect(read.rowsRead).toBe(4);
    expect(read.rowsSkipped).toBe(3);
    expect(read.issues).toEqual([]);
    expect(read.histories.get('L1')?.map((entry) => entry.to)).toEqual(['open']);
  });

  it('sorts each record by time, ties in the table order, and takes from, by and the event from the mapping', async () => {
    const read = await readStageHistory(leadHistory, [
      change('L1', '2024-03-01T09:00:00Z', 'Won', { OldValue: 'Working', CreatedById: '  005A  ' }),
      change('L1', '2024-01-01T09:00:00Z', 'Open'),
      change('L2', '2024-02-01T09:00:00Z', 'Working', { OldValue: 'Open', CreatedById: '   ' }),
      change('L1', '2024-02-01T09:00:00Z', 'Working', { OldValue: 'Open' }),
      change('L1', '2024-02-01T09:00:00Z', 'Won', { OldValue: 'Somewhere else' }),
    ]);
    expect(read.issues).toEqual([]);
    expect([...read.histories.keys()]).toEqual(['L1', 'L2']);
    expect(read.histories.get('L1')?.map((entry) => [entry.from, entry.to, entry.at.toISOString(), entry.event, entry.by])).toEqual([
      [null, 'open', '2024-01-01T09:00:00.000Z', 'status_change', undefined],
      ['open', 'working', '2024-02-01T09:00:00.000Z', 'status_change', undefined],
      // An old value the map does not list is kept as it is (otherwise: keep).
      ['Somewhere else', 'won', '2024-02-01T09:00:00.000Z', 'status_change', undefined],
      ['working', 'won', '2024-03-01T09:00:00.000Z', 'status_change', '005A'],
    ]);
    // A blank "by" is left out.
    expect(read.histories.get('L2')?.[0]).toEqual({ from: 'open', to: 'working', event: 'status_change', at: new Date('2024-02-01T09:00:00Z') });
  });

  it('lists rows without an id, a date or a stage, or with an unreadable one, each naming its row and column', async () => {
    const read = await readStageHistory(leadHistory, [
      change('', '2024-01-01T10:00:00Z', 'Open'),
      change('L1', '', 'Open'),
      change('L1', 'not a date', 'Open'),
      change('L1', '2024-01-01T10:00:00Z', ''),
      change('L1', '2024-01-01T10:00:00Z', 'Lost'),
      change('L1', '2024-01-05T10:00:00Z', 'Open'),
    ]);
    expect(read.rowsRead).toBe(6);
    expect(read.issues.map((found) => [found.row, found.column, found.pathText, found.code, found.field, found.value])).toEqual([
      [1, 'LeadId', 'row 1, column "LeadId"', 'invalid_history_row', 'stageHistory', undefined],
      [2, 'CreatedDate', 'row 2, column "CreatedDate"', 'invalid_history_row', 'stageHistory', undefined],
      [3, 'CreatedDate', 'row 3, column "CreatedDate"', 'invalid_history_row', 'stageHistory', '"not a date"'],
      [4, 'NewValue', 'row 4, column "NewValue"', 'invalid_history_row', 'stageHistory', undefined],
      [5, 'NewValue', 'row 5, column "NewValue"', 'invalid_history_row', 'stageHistory', '"Lost"'],
    ]);
    expect(read.issues.map((found) => found.path)).toEqual([
      [1, 'LeadId'],
      [2, 'CreatedDate'],
      [3, 'CreatedDate'],
      [4, 'NewValue'],
      [5, 'NewValue'],
    ]);
    expect(read.issues[0]).toMatchObject({ message: 'has no record id', expected: 'the id of the record changed' });
    expect(read.issues[1]).toMatchObject({ message: 'has no date', expected: 'the date of the change' });
    expect(read.issues[3]).toMatchObject({ message: 'has no stage', expected: 'the stage entered' });
    expect(read.issues[2]?.expected).toBe('an ISO 8601 date such as 2024-05-01 or 2024-05-01T09:30:00Z');
    expect(read.issues[4]?.message).toBe('"Lost" is not one of the values the mapping lists');
    expect(read.issues[4]?.expected).toMatch(/^one of "Open"/);
    // Only the good row is kept, as the first entry of its record.
    expect(read.histories.get('L1')?.map((entry) => [entry.from, entry.to])).toEqual([[null, 'open']]);
  });

  it('fills from with the stage of the entry before when the table has no old-value column, and reads async rows', async () => {
    const mapping = defineMapping({
      ...base,
      missing: ['(none)'],
      history: { recordId: ['OpportunityId', 'DealId'], at: 'CreatedDate', stage: 'StageName' },
    });
    async function* rows() {
      yield { DealId: ' 42 ', CreatedDate: ' 2024-04-02T08:00:00Z ', StageName: '  Negotiation ' };
      yield { OpportunityId: '(none)', DealId: 42, CreatedDate: '2024-04-01T08:00:00Z', StageName: 'Prospecting' };
      yield { OpportunityId: 'X', CreatedDate: '2024-04-01T08:00:00Z', StageName: '(none)' };
    }
    const read = await readStageHistory(mapping, rows());
    expect(read.histories.get('42')).toEqual([
      { from: null, to: 'Prospecting', event: 'import', at: new Date('2024-04-01T08:00:00Z') },
      { from: 'Prospecting', to: 'Negotiation', event: 'import', at: new Date('2024-04-02T08:00:00Z') },
    ]);
    expect(read.issues.map((found) => [found.row, found.column, found.message])).toEqual([[3, 'StageName', 'has no stage']]);
    expect(read.rowsSkipped).toBe(0);
  });

  it('reads a date column that holds a Date, and a missing old value as null', async () => {
    const mapping: ImportMapping = defineMapping({
      ...base,
      history: { recordId: 'Id', at: 'At', stage: 'To', from: 'From' },
    });
    const read = await readStageHistory(mapping, [{ Id: 'A', At: new Date('2024-06-01T00:00:00Z'), To: 'b', From: '' }]);
    expect(read.issues).toEqual([]);
    expect(read.histories.get('A')).toEqual([{ from: null, to: 'b', event: 'import', at: new Date('2024-06-01T00:00:00Z') }]);
  });
});
