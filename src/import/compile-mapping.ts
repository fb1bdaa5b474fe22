import { createMissingValueTest } from '../conditions/missing-markers.ts';
import type { LeadSchemaOptions } from '../conditions/parse-condition.ts';
import { showValue } from '../errors.ts';
import { RESERVED_KEYS } from '../internal/inspect-input.ts';
import type { Activity } from '../models/activity.ts';
import { Lead } from '../models/lead.ts';
import type { StageChange } from '../models/stage-change.ts';
import { compileDateMs, compileDateStep, compilePipeline, isFailure, MISSING, type CompiledStep, type StepContext } from './compile-steps.ts';
import type { ColumnSummary, ImportedRow, ImportIssue, ImportSummary, OtherwiseCount } from './import-result.ts';
import { leadTargets, targetField, type TargetField } from './lead-targets.ts';
import type { ActivitiesFromColumns, ColumnNames, ImportMapping, StageDateColumn } from './mapping-definition.ts';
import { columnTargets } from './parse-mapping.ts';

/** Stage histories by record id, from a separate history table (see `readStageHistory`). */
export type StageHistoryIndex = ReadonlyMap<string, readonly StageChange[]>;

/** Options of a run of a compiled mapping. */
export interface ImportRunOptions {
  /** Stage histories by record id (`readStageHistory` reads them from Salesforce's `LeadHistory`, say). */
  readonly stageHistory?: StageHistoryIndex | undefined;
}

/**
 * A mapping compiled for fast imports: start a run, give it rows one at a time, read its summary. A run holds no
 * row after it has returned it: only counts.
 */
export interface CompiledMapping<L extends Lead = Lead> {
  /** The mapping it was compiled from. */
  readonly mapping: ImportMapping;
  /** Starts a run (its own counts for the summary). */
  start(options?: ImportRunOptions): MappingRun<L>;
}

/** One import run of a compiled mapping: rows in, leads or problems out, counts kept for the summary. */
export interface MappingRun<L extends Lead = Lead> {
  /** Imports one record (column name → value; own properties only; nested objects are read as `Parent.Child` columns). Never throws on bad data. */
  importRecord(record: Readonly<Record<string, unknown>>): ImportedRow<L>;
  /** Imports one row of cells under a header (CSV). A row with more or fewer cells than the header is refused. Never throws on bad data. */
  importCells(header: readonly string[], cells: readonly string[]): ImportedRow<L>;
  /** Records a problem of the source itself (an encoding error, a duplicate header) in the summary. */
  addFileIssue(found: ImportIssue): void;
  /** What the run did so far. */
  summary(): ImportSummary;
}

interface Target {
  readonly pathIndex: number;
  readonly field: TargetField;
  readonly pipeline: CompiledStep;
  readonly requires: number;
}

interface MappedColumn {
  readonly name: string;
  readonly targets: readonly Target[];
  readonly stats: ColumnStats;
}

interface ColumnStats {
  readonly name: string;
  targets: string[];
  present: number;
  filled: number;
  problems: number;
  otherwise: Map<string, number> | undefined;
}

interface Plan {
  /** Slot of each mapped column (mapping order), -1 when absent. */
  readonly slots: Int32Array;
  /** Slot of every column name. */
  readonly slotOf: ReadonlyMap<string, number>;
  /** Slots of each activity source's columns (see {@link ActivitySource}), in the order named. */
  readonly activitySlots: readonly ActivitySlots[];
  /** Slots of each stage-date column list, in the order named. */
  readonly stageSlots: readonly Int32Array[];
  /** Unmapped slots kept in customFields, with their names and stats. */
  readonly kept: readonly { readonly slot: number; readonly name: string; readonly stats: ColumnStats }[];
  /** Dropped slots' stats (for fill rates). */
  readonly dropped: readonly { readonly slot: number; readonly stats: ColumnStats }[];
  readonly names: readonly string[];
}

/** An engagement count and its dates (`mapping.activities`), with its column names read once. */
interface ActivitySource {
  readonly spec: ActivitiesFromColumns;
  readonly count: readonly string[];
  readonly firstAt: readonly string[];
  readonly lastAt: readonly string[];
  readonly url: readonly string[];
  /** The column named in the events' metadata. */
  readonly column: string;
  readonly maxEvents: number;
}

/** The slots of an activity source's columns in one header. */
interface ActivitySlots {
  readonly count: Int32Array;
  readonly firstAt: Int32Array;
  readonly lastAt: Int32Array;
  readonly url: Int32Array;
}

/** An object of the lead that values are written into (`''` is the lead, then `contact`, `company`, …). */
interface Container {
  readonly prefix: string;
  /** The container holding it (-1 for the lead). */
  readonly parent: number;
  /** Its key in the parent. */
  readonly key: string;
  /** Required keys whose absence the row must report (not those naming an object: those are checked as containers). */
  readonly required: readonly string[];
}

const ROW_APPROXIMATION_NOTE = 'approximated from an engagement count';
/** The most events made from one engagement count unless a mapping says otherwise. */
export const DEFAULT_MAX_EVENTS = 10;
const reserved = new Set(RESERVED_KEYS);

function namesOf(columns: ColumnNames | undefined): readonly string[] {
  return columns === undefined ? [] : typeof columns === 'string' ? [columns] : columns;
}

function makeIssue(
  row: number,
  column: string | undefined,
  field: string | undefined,
  raw: unknown,
  message: string,
  code: string,
  expected: string | undefined,
): ImportIssue {
  const where = column === undefined ? (field === undefined ? '' : `, field ${field}`) : `, column ${JSON.stringify(column)}`;
  return {
    path: column === undefined ? (field === undefined ? [row] : [row, field]) : [row, column],
    pathText: `row ${row}${where}`,
    message,
    code,
    row,
    column,
    field,
    value: raw === undefined ? undefined : showValue(raw),
    expected,
  };
}

/**
 * Compiles a mapping (from {@link parseMapping} or {@link defineMapping}, not validated again) into a fast importer:
 * every pipeline, date format and value map is compiled once; a run then reads each row in one pass. Give the same
 * `lead` schema as to `parseMapping` for an extended lead.
 *
 * @example
 * ```ts
 * const run = compileMapping(mapping).start();
 * const row = run.importRecord({ Email: 'ada@acme.com', 'Lead Source': 'Web' });
 * if (row.ok) use(row.lead);
 * else console.error(row.issues);
 * console.log(run.summary().columns);
 * ```
 * @throws RangeError when a target path is not a field of the lead schema (a mapping that did not come from `parseMapping`).
 */
export function compileMapping<L extends Lead = Lead>(mapping: ImportMapping, options: LeadSchemaOptions = {}): CompiledMapping<L> {
  const targets = leadTargets(options.lead ?? Lead);
  const isMissing = createMissingValueTest(mapping.missing);
  const paths: string[] = [];
  const fields: TargetField[] = [];
  const pathIndex = new Map<string, number>();
  /** Per path: the containers from the lead down to the one holding the value (the lead itself left out), and the key. */
  const chains: Int32Array[] = [];
  const leafKeys: string[] = [];
  const containers: Container[] = [];
  const containerOf = new Map<string, number>();
  const containerFor = (segments: readonly string[]): number => {
    let parent = -1;
    let prefix = '';
    for (let depth = -1; depth < segments.length; depth++) {
      const key = depth < 0 ? '' : (segments[depth] as string);
      prefix = depth <= 0 ? key : `${prefix}.${key}`;
      let known = containerOf.get(prefix);
      if (known === undefined) {
        known = containers.length;
        containers.push({
          prefix,
          parent,
          key,
          required: (targets.requiredKeys.get(prefix) ?? []).filter((name) => !targets.requiredKeys.has(prefix === '' ? name : `${prefix}.${name}`)),
        });
        containerOf.set(prefix, known);
      }
      parent = known;
    }
    return parent;
  };
  const rootContainer = containerFor([]);
  const contactContainer = containerFor(['contact']);
  const indexOf = (path: string): number => {
    const known = pathIndex.get(path);
    if (known !== undefined) return known;
    const field = targetField(targets, path);
    if (field === undefined)
      throw new RangeError(`compileMapping: ${JSON.stringify(path)} is not a field of the lead schema; parse the mapping with parseMapping first`);
    pathIndex.set(path, paths.length);
    paths.push(path);
    // A custom field's name is the rest of its path, dots included.
    const record = targets.openRecords.find((open) => path.startsWith(`${open}.`));
    const segments = record === undefined ? path.split('.') : [...record.split('.'), path.slice(record.length + 1)];
    const chain: number[] = [];
    for (let depth = 1; depth < segments.length; depth++) chain.push(containerFor(segments.slice(0, depth)));
    chains.push(Int32Array.from(chain));
    leafKeys.push(segments[segments.length - 1] as string);
    fields.push(field);
    return paths.length - 1;
  };
  // Fields in the schema's order first, so leads get their keys in one order (one shape for the engine).
  for (const path of targets.fields.keys()) if (path !== 'id') indexOf(path);
  indexOf('id');

  const referenced = new Set<string>(mapping.drop ?? []);
  const dropped = new Set<string>(mapping.drop ?? []);
  for (const activity of mapping.activities ?? [])
    for (const key of ['count', 'firstAt', 'lastAt', 'url'] as const) for (const name of namesOf(activity[key])) referenced.add(name);
  for (const stage of mapping.stageDates ?? []) for (const name of namesOf(stage.columns)) referenced.add(name);

  const compileColumns = (stats: Map<string, ColumnStats>, onOtherwise: (column: ColumnStats, value: unknown) => void): MappedColumn[] => {
    const columns: MappedColumn[] = [];
    for (const name of Object.keys(mapping.columns)) {
      referenced.add(name);
      const columnStats: ColumnStats = { name, targets: [], present: 0, filled: 0, problems: 0, otherwise: undefined };
      stats.set(name, columnStats);
      const context: StepContext = { mapping, isMissing, onOtherwise: (value) => onOtherwise(columnStats, value) };
      const columnTargetsList: Target[] = [];
      for (const { target } of columnTargets(mapping.columns[name])) {
        const index = indexOf(target.to);
        columnStats.targets.push(target.to);
        columnTargetsList.push({
          pathIndex: index,
          field: fields[index] as TargetField,
          pipeline: compilePipeline(target.steps, fields[index] as TargetField, context),
          requires: target.requires === undefined ? -1 : indexOf(target.requires),
        });
        for (const step of target.steps ?? [])
          if (typeof step === 'object' && 'money' in step) for (const currencyColumn of namesOf(step.money.currencyColumn)) referenced.add(currencyColumn);
      }
      columns.push({ name, targets: columnTargetsList, stats: columnStats });
    }
    return columns;
  };

  // Every target is a field of the schema (refused here, when compiling, not at the first run's start).
  for (const name of Object.keys(mapping.columns))
    for (const { target } of columnTargets(mapping.columns[name])) {
      indexOf(target.to);
      if (target.requires !== undefined) indexOf(target.requires);
    }
  // Defaults, validated once.
  const defaults: { index: number; value: unknown }[] = [];
  for (const path of Object.keys(mapping.defaults ?? {})) defaults.push({ index: indexOf(path), value: (mapping.defaults as Record<string, unknown>)[path] });
  const dateContext: StepContext = { mapping, isMissing, onOtherwise: () => undefined };
  // What `compilePipeline(['date'], …)` gives a value that is not missing: a Date or a refusal.
  const readDateValue = compileDateStep(mapping);
  const readCount = compilePipeline(['number'], { path: 'count', kind: 'number', check: () => undefined }, dateContext);
  const readDateMs = compileDateMs(mapping);
  const createdAtIndex = pathIndex.get('createdAt') ?? -1;
  const stageIndex = pathIndex.get('stage') ?? -1;
  const activitySources: ActivitySource[] = (mapping.activities ?? []).map((spec) => {
    const count = namesOf(spec.count);
    const firstAt = namesOf(spec.firstAt);
    const lastAt = namesOf(spec.lastAt);
    return {
      spec,
      count,
      firstAt,
      lastAt,
      url: spec.type === 'page_viewed' ? namesOf(spec.url) : [],
      column: count[0] ?? lastAt[0] ?? firstAt[0] ?? '',
      maxEvents: spec.maxEvents ?? DEFAULT_MAX_EVENTS,
    };
  });
  const stageDateNames = (mapping.stageDates ?? []).map((stage) => namesOf(stage.columns));

  return {
    mapping,
    start(runOptions: ImportRunOptions = {}): MappingRun<L> {
      const stats = new Map<string, ColumnStats>();
      const onOtherwise = (column: ColumnStats, value: unknown): void => {
        const key = typeof value === 'string' ? value.trim() : String(value);
        column.otherwise ??= new Map();
        const count = column.otherwise.get(key);
        if (count !== undefined) column.otherwise.set(key, count + 1);
        else if (column.otherwise.size < 1000) column.otherwise.set(key, 1);
      };
      const columns = compileColumns(stats, onOtherwise);
      const history = runOptions.stageHistory;
      let rowsRead = 0;
      let imported = 0;
      let rejected = 0;
      let warningCount = 0;
      let undated = 0;
      const fileIssues: ImportIssue[] = [];
      const seenColumns = new Set<string>();
      const values: unknown[] = new Array(paths.length).fill(undefined);
      const sourceColumn: (string | undefined)[] = new Array(paths.length).fill(undefined);

      let lastNames: readonly string[] | undefined;
      let lastPlan: Plan | undefined;
      const planFor = (names: readonly string[]): Plan => {
        if (lastPlan !== undefined && lastNames !== undefined && (lastNames === names || sameNames(lastNames, names))) return lastPlan;
        const slotOf = new Map<string, number>();
        names.forEach((name, slot) => {
          if (!slotOf.has(name)) slotOf.set(name, slot);
        });
        const slots = new Int32Array(columns.length);
        columns.forEach((column, index) => {
          slots[index] = slotOf.get(column.name) ?? -1;
        });
        const kept: { slot: number; name: string; stats: ColumnStats }[] = [];
        const droppedSlots: { slot: number; stats: ColumnStats }[] = [];
        names.forEach((name, slot) => {
          if (slotOf.get(name) !== slot || Object.hasOwn(mapping.columns, name)) return;
          let columnStats = stats.get(name);
          if (columnStats === undefined) {
            const keep = !referenced.has(name) && mapping.unmapped !== 'drop' && !reserved.has(name);
            columnStats = {
              name,
              targets: [
                keep
                  ? `customFields.${name}`
                  : dropped.has(name) || mapping.unmapped === 'drop' || reserved.has(name)
                    ? 'dropped'
                    : 'used by activities or stage dates',
              ],
              present: 0,
              filled: 0,
              problems: 0,
              otherwise: undefined,
            };
            stats.set(name, columnStats);
          }
          if (columnStats.targets[0] === `customFields.${name}`) kept.push({ slot, name, stats: columnStats });
          else droppedSlots.push({ slot, stats: columnStats });
        });
        for (const name of names) seenColumns.add(name);
        // The slots of a list of names, in the order named, for reading "the first of these columns with a value".
        const slotsOf = (list: readonly string[]): Int32Array => {
          const found: number[] = [];
          for (const name of list) {
            const slot = slotOf.get(name);
            if (slot !== undefined) found.push(slot);
          }
          return Int32Array.from(found);
        };
        const activitySlots = activitySources.map((source) => ({
          count: slotsOf(source.count),
          firstAt: slotsOf(source.firstAt),
          lastAt: slotsOf(source.lastAt),
          url: slotsOf(source.url),
        }));
        lastNames = names;
        lastPlan = { slots, slotOf, activitySlots, stageSlots: stageDateNames.map(slotsOf), kept, dropped: droppedSlots, names };
        return lastPlan;
      };

      // The row being imported, read by steps that look at another column (a money step's currency column).
      const current = {
        plan: undefined as Plan | undefined,
        cells: [] as readonly unknown[],
        read(names: readonly string[]): unknown {
          const plan = this.plan as Plan;
          for (const name of names) {
            const slot = plan.slotOf.get(name);
            if (slot !== undefined && !isMissing(this.cells[slot])) return this.cells[slot];
          }
          return undefined;
        },
      };
      const requiring: { readonly column: MappedColumn; readonly target: Target }[] = [];
      for (const column of columns) for (const target of column.targets) if (target.requires >= 0) requiring.push({ column, target });
      const idIndex = pathIndex.get('id') as number;
      // The objects of the lead being built, by container, and the containers in the order the row created them.
      const objects: (Record<string, unknown> | undefined)[] = new Array(containers.length).fill(undefined);
      const createdOrder = new Int32Array(containers.length);
      const rowIssues: ImportIssue[] = [];
      const stageDateList = mapping.stageDates ?? [];
      const stageMs = new Float64Array(stageDateList.length);
      const stageDatesAt: (Date | undefined)[] = new Array(stageDateList.length).fill(undefined);
      const stageOrders = new Int32Array(stageDateList.length);

      const importRow = (plan: Plan, cells: readonly unknown[], row: number, record: Readonly<Record<string, unknown>> | undefined): ImportedRow<L> => {
        // The row's problems in a scratch list (most rows have none), copied out when the row is refused.
        const issues = rowIssues;
        issues.length = 0;
        const warnings: ImportIssue[] = [];
        current.plan = plan;
        current.cells = cells;
        const rowValues = current;
        values.fill(undefined);
        sourceColumn.fill(undefined);
        for (let index = 0; index < columns.length; index++) {
          const slot = plan.slots[index] as number;
          if (slot < 0) continue;
          const column = columns[index] as MappedColumn;
          const raw = cells[slot];
          column.stats.present++;
          if (isMissing(raw)) continue;
          column.stats.filled++;
          const targetList = column.targets;
          for (let targetIndex = 0; targetIndex < targetList.length; targetIndex++) {
            const target = targetList[targetIndex] as Target;
            if (values[target.pathIndex] !== undefined) continue;
            const result = target.pipeline(typeof raw === 'string' ? raw.trim() : raw, rowValues);
            if (result === MISSING) continue;
            if (isFailure(result)) {
              column.stats.problems++;
              issues.push(makeIssue(row, column.name, target.field.path, raw, result.message, 'invalid_value', result.expected));
              continue;
            }
            const message = target.field.check(result);
            if (message !== undefined) {
              column.stats.problems++;
              issues.push(makeIssue(row, column.name, target.field.path, raw, `${target.field.path} ${message}`, 'invalid_value', undefined));
              continue;
            }
            values[target.pathIndex] = result;
            sourceColumn[target.pathIndex] = column.name;
          }
        }
        for (const { index, value } of defaults) if (values[index] === undefined) values[index] = value;
        for (const { column, target } of requiring)
          if (values[target.requires] === undefined && sourceColumn[target.pathIndex] === column.name) values[target.pathIndex] = undefined;

        // Build the lead in one key order, each object made when the first value needs it.
        const lead: Record<string, unknown> = { id: values[idIndex], contact: {} };
        objects.fill(undefined);
        objects[rootContainer] = lead;
        objects[contactContainer] = lead['contact'] as Record<string, unknown>;
        createdOrder[0] = rootContainer;
        createdOrder[1] = contactContainer;
        let createdCount = 2;
        for (let index = 0; index < paths.length; index++) {
          const value = values[index];
          if (value === undefined) continue;
          const chain = chains[index] as Int32Array;
          let owner = lead;
          for (let depth = 0; depth < chain.length; depth++) {
            const container = chain[depth] as number;
            let next = objects[container];
            if (next === undefined) {
              next = {};
              objects[container] = next;
              owner[(containers[container] as Container).key] = next;
              createdOrder[createdCount++] = container;
            }
            owner = next;
          }
          owner[leafKeys[index] as string] = value;
        }
        for (const kept of plan.kept) {
          const raw = cells[kept.slot];
          kept.stats.present++;
          if (isMissing(raw)) continue;
          kept.stats.filled++;
          const value = typeof raw === 'string' ? raw.trim() : raw;
          const fields = (lead['customFields'] ??= {}) as Record<string, unknown>;
          if (Object.hasOwn(fields, kept.name)) continue;
          if (
            kept.name.length > 200 ||
            !(value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') ||
            (typeof value === 'string' && value.length > 10_000)
          ) {
            warnings.push(
              makeIssue(
                row,
                kept.name,
                undefined,
                raw,
                'could not be kept in customFields (a name over 200 characters, or a value that is not text, a number or true/false of at most 10,000 characters)',
                'not_kept',
                undefined,
              ),
            );
            continue;
          }
          fields[kept.name] = value;
        }
        for (const drop of plan.dropped) {
          drop.stats.present++;
          if (!isMissing(cells[drop.slot])) drop.stats.filled++;
        }
        // Required keys of the lead and of every object the row created: when one lacks a value, the general way below
        // says what (most rows have them all, and skip it).
        let complete = true;
        for (let index = 0; index < createdCount && complete; index++) {
          const container = containers[createdOrder[index] as number] as Container;
          const owner = objects[createdOrder[index] as number] as Record<string, unknown>;
          for (const key of container.required)
            if (owner[key] === undefined) {
              complete = false;
              break;
            }
        }
        if (!complete) {
          const created = new Set<string>();
          for (let index = 0; index < createdCount; index++) created.add((containers[createdOrder[index] as number] as Container).prefix);
          checkRequired(lead, created, plan, cells, row, warnings, issues);
        }
        // Activities from engagement counts, the stage history from stage dates or the history table.
        const createdAt = createdAtIndex >= 0 ? (values[createdAtIndex] as Date | undefined) : undefined;
        const activities: Activity[] = [];
        for (let index = 0; index < activitySources.length; index++)
          activitiesFrom(
            activitySources[index] as ActivitySource,
            plan.activitySlots[index] as ActivitySlots,
            cells,
            createdAt,
            row,
            activities,
            warnings,
            issues,
          );
        lead['activities'] = activities;
        let stageHistory: StageChange[] | undefined;
        const leadId = lead['id'];
        const fromTable = history !== undefined && typeof leadId === 'string' ? history.get(leadId) : undefined;
        if (fromTable !== undefined && fromTable.length > 0) {
          stageHistory = [...fromTable];
          // The table's first change says which stage the record left: it was in it since it was created.
          const first = stageHistory[0] as StageChange;
          const createdAtValue = createdAtIndex >= 0 ? values[createdAtIndex] : undefined;
          if (first.from !== null && createdAtValue instanceof Date && createdAtValue.getTime() <= first.at.getTime())
            stageHistory.unshift({ from: null, to: first.from, event: 'create', at: createdAtValue });
        } else if (mapping.stageDates !== undefined) {
          // The dated stages in scratch arrays (no object per entry), sorted by date then in the mapping's order.
          let dated = 0;
          for (let order = 0; order < stageDateList.length; order++) {
            const raw = readFirst(plan.stageSlots[order] as Int32Array, cells);
            if (raw === undefined) continue;
            const at = readDateValue(typeof raw === 'string' ? raw.trim() : raw, rowValues);
            if (isFailure(at)) {
              issues.push(
                makeIssue(
                  row,
                  (stageDateNames[order] as readonly string[]).find((name) => plan.slotOf.has(name)),
                  'stageHistory',
                  raw,
                  at.message,
                  'invalid_value',
                  at.expected,
                ),
              );
              continue;
            }
            const date = at as Date;
            const ms = date.getTime();
            // A stable insertion sort: a handful of entries.
            let place = dated;
            while (place > 0 && (stageMs[place - 1] as number) > ms) {
              stageMs[place] = stageMs[place - 1] as number;
              stageDatesAt[place] = stageDatesAt[place - 1] as Date;
              stageOrders[place] = stageOrders[place - 1] as number;
              place--;
            }
            stageMs[place] = ms;
            stageDatesAt[place] = date;
            stageOrders[place] = order;
            dated++;
          }
          if (dated > 0) {
            stageHistory = new Array(dated);
            let previous: string | null = null;
            for (let index = 0; index < dated; index++) {
              const stage = stageDateList[stageOrders[index] as number] as StageDateColumn;
              stageHistory[index] = { from: previous, to: stage.stage, event: stage.event ?? 'import', at: stageDatesAt[index] as Date };
              previous = stage.stage;
            }
            stageDatesAt.fill(undefined);
          }
        }
        if (stageHistory !== undefined) {
          lead['stageHistory'] = stageHistory;
          const stage = stageIndex >= 0 ? values[stageIndex] : undefined;
          const last = stageHistory[stageHistory.length - 1] as StageChange;
          if (typeof stage === 'string' && last.to !== stage)
            warnings.push(
              makeIssue(
                row,
                sourceColumn[stageIndex],
                'stage',
                stage,
                `the stage is ${JSON.stringify(stage)} but the dated history ends in ${JSON.stringify(last.to)}: the export gives no date for entering ${JSON.stringify(stage)}, so metrics place the lead in ${JSON.stringify(last.to)}`,
                'stage_without_date',
                undefined,
              ),
            );
        }
        rowsRead++;
        if (issues.length > 0) {
          rejected++;
          return { ok: false, row, issues: issues.slice(), record: record ?? recordOfCells(plan.names, cells) };
        }
        imported++;
        warningCount += warnings.length;
        if (lead['createdAt'] === undefined) undated++;
        return { ok: true, row, lead: lead as unknown as L, warnings };
      };

      /** The general check of required keys (see importRow): reports each missing one, or leaves an optional object out. */
      const checkRequired = (
        lead: Record<string, unknown>,
        created: ReadonlySet<string>,
        plan: Plan,
        cells: readonly unknown[],
        row: number,
        warnings: ImportIssue[],
        issues: ImportIssue[],
      ): void => {
        // An optional object (company, outcome) that lacks one is left out, its values kept in customFields under their
        // columns, with a warning.
        for (const prefix of created) {
          const owner = prefix === '' ? lead : readPath(lead, prefix);
          for (const key of targets.requiredKeys.get(prefix) ?? []) {
            const path = prefix === '' ? key : `${prefix}.${key}`;
            if (owner[key] !== undefined || targets.requiredKeys.has(path)) continue;
            const fedBy = columns
              .filter((column) => column.targets.some((target) => paths[target.pathIndex] === path))
              .map((column) => JSON.stringify(column.name));
            const where = fedBy.length === 0 ? '' : ` in ${fedBy.join(' or ')}`;
            if (prefix !== '' && !prefix.includes('.') && !(targets.requiredKeys.get('') ?? []).includes(prefix)) {
              const fields = (lead['customFields'] ??= {}) as Record<string, unknown>;
              const keptColumns: string[] = [];
              paths.forEach((other, index) => {
                const column = sourceColumn[index];
                if (!other.startsWith(`${prefix}.`) || values[index] === undefined || column === undefined) return;
                const slot = plan.slotOf.get(column);
                const raw = slot === undefined ? undefined : cells[slot];
                if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
                  if (!Object.hasOwn(fields, column) && !reserved.has(column)) fields[column] = typeof raw === 'string' ? raw.trim() : raw;
                  keptColumns.push(JSON.stringify(column));
                }
              });
              if (Object.keys(fields).length === 0) delete lead['customFields'];
              delete lead[prefix];
              warnings.push(
                makeIssue(
                  row,
                  undefined,
                  path,
                  undefined,
                  `${prefix} is left out: ${path} is required but the row has no value${where}${keptColumns.length === 0 ? '' : `; ${keptColumns.join(', ')} kept in customFields`}`,
                  'incomplete_object',
                  undefined,
                ),
              );
              break;
            }
            issues.push(makeIssue(row, undefined, path, undefined, `${path} is required but the row has no value${where}`, 'required', undefined));
          }
        }
      };

      /** The first cell of the slots that has a value, or `undefined` (as `RowValues.read` on their names). */
      const readFirst = (slots: Int32Array, cells: readonly unknown[]): unknown => {
        for (let index = 0; index < slots.length; index++) {
          const cell = cells[slots[index] as number];
          if (!isMissing(cell)) return cell;
        }
        return undefined;
      };
      /** A date of an activity source in epoch milliseconds, `undefined` when the row has none (a problem when it is not a date). */
      const readAt = (names: readonly string[], slots: Int32Array, cells: readonly unknown[], rowNumber: number, issues: ImportIssue[]): number | undefined => {
        if (slots.length === 0) return undefined;
        const raw = readFirst(slots, cells);
        if (raw === undefined) return undefined;
        const at = readDateMs(typeof raw === 'string' ? raw.trim() : raw);
        if (typeof at !== 'number') {
          issues.push(makeIssue(rowNumber, names[0], 'activities', raw, at.message, 'invalid_value', at.expected));
          return undefined;
        }
        return at;
      };
      const activitiesFrom = (
        source: ActivitySource,
        slots: ActivitySlots,
        cells: readonly unknown[],
        createdAt: Date | undefined,
        rowNumber: number,
        out: Activity[],
        warnings: ImportIssue[],
        issues: ImportIssue[],
      ): void => {
        const spec = source.spec;
        const first = readAt(source.firstAt, slots.firstAt, cells, rowNumber, issues);
        const last = readAt(source.lastAt, slots.lastAt, cells, rowNumber, issues);
        let count = 0;
        const countNames = source.count;
        if (countNames.length > 0) {
          const raw = readFirst(slots.count, cells);
          if (raw !== undefined) {
            const read = readCount(typeof raw === 'string' ? raw.trim() : raw, current);
            if (isFailure(read) || typeof read !== 'number' || !Number.isInteger(read) || read < 0) {
              issues.push(
                makeIssue(rowNumber, countNames[0], 'activities', raw, `${showValue(raw)} is not a count`, 'invalid_value', 'a whole number of 0 or more'),
              );
              return;
            }
            count = read;
          } else if (first !== undefined || last !== undefined) count = first !== undefined && last !== undefined && first !== last ? 2 : 1;
        } else if (first !== undefined || last !== undefined) count = first !== undefined && last !== undefined && first !== last ? 2 : 1;
        if (count === 0) return;
        const end = last ?? first;
        const createdMs = createdAt === undefined ? undefined : createdAt.getTime();
        const start = first ?? (createdMs !== undefined && end !== undefined && createdMs <= end ? createdMs : end);
        if (start === undefined || end === undefined) {
          warnings.push(
            makeIssue(
              rowNumber,
              countNames[0],
              'activities',
              count,
              `${count} ${spec.type} events without any date: not made into activities`,
              'undated_activities',
              undefined,
            ),
          );
          return;
        }
        const events = Math.min(count, source.maxEvents);
        const metadata = { approximated: true, count, column: source.column, note: ROW_APPROXIMATION_NOTE };
        const span = end - start;
        // Activities are written as literals (no spread) with their keys in one order: type, at, metadata, then the type's own.
        if (spec.type === 'page_viewed') {
          const read = slots.url.length === 0 ? undefined : readFirst(slots.url, cells);
          const url = typeof read === 'string' && read.trim() !== '' ? read.trim().slice(0, 2048) : '(not in export)';
          for (let index = 0; index < events; index++) out.push({ type: 'page_viewed', at: eventAt(start, end, span, index, events), metadata, url });
        } else if (spec.type === 'other') {
          const name = spec.name ?? 'other';
          for (let index = 0; index < events; index++) out.push({ type: 'other', at: eventAt(start, end, span, index, events), metadata, name });
        } else if (spec.type === 'email_bounced')
          for (let index = 0; index < events; index++)
            out.push({ type: 'email_bounced', at: eventAt(start, end, span, index, events), metadata, bounce: 'soft' });
        else if (spec.type === 'call')
          for (let index = 0; index < events; index++)
            out.push({ type: 'call', at: eventAt(start, end, span, index, events), metadata, direction: 'outbound' });
        else {
          const type = spec.type;
          for (let index = 0; index < events; index++) out.push({ type, at: eventAt(start, end, span, index, events), metadata } as Activity);
        }
      };
      return {
        importRecord(record) {
          const flat = flattenRecord(record);
          const names = Object.keys(flat);
          const cells = names.map((name) => flat[name]);
          return importRow(planFor(names), cells, rowsRead + 1, flat);
        },
        importCells(header, cells) {
          const plan = planFor(header);
          const row = rowsRead + 1;
          if (cells.length !== header.length) {
            rowsRead++;
            rejected++;
            const record = recordOfCells(header, cells);
            return {
              ok: false,
              row,
              issues: [
                makeIssue(
                  row,
                  undefined,
                  undefined,
                  undefined,
                  `has ${cells.length} cells but the header has ${header.length} columns (a missing or extra separator, or an unclosed quote)`,
                  cells.length > header.length ? 'too_many_cells' : 'too_few_cells',
                  `${header.length} cells`,
                ),
              ],
              record,
            };
          }
          return importRow(plan, cells, row, undefined);
        },
        addFileIssue(found) {
          fileIssues.push(found);
        },
        summary(): ImportSummary {
          // A column is missing when no row had it and no column seen feeds its fields (a preset lists both the API
          // name and the export label of a property: one of them is always absent).
          function missingColumns(): string[] {
            if (rowsRead === 0) return [];
            const fed = new Set<number>();
            for (const column of columns) if (seenColumns.has(column.name)) for (const target of column.targets) fed.add(target.pathIndex);
            return columns
              .filter((column) => !seenColumns.has(column.name) && column.targets.some((target) => !fed.has(target.pathIndex)))
              .map((column) => column.name);
          }
          const summaries: ColumnSummary[] = [];
          for (const column of stats.values()) {
            const otherwise: OtherwiseCount[] =
              column.otherwise === undefined
                ? []
                : [...column.otherwise.entries()]
                    .map(([value, count]) => ({ value, count }))
                    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
                    .slice(0, 50);
            summaries.push({
              column: column.name,
              targets: [...column.targets],
              present: column.present,
              filled: column.filled,
              fillRate: rowsRead === 0 ? 0 : column.filled / rowsRead,
              problems: column.problems,
              otherwise,
            });
          }
          return {
            rowsRead,
            imported,
            rejected,
            warnings: warningCount,
            undated,
            missingColumns: missingColumns(),
            columns: summaries,
            fileIssues: [...fileIssues],
          };
        },
      };
    },
  };
}

/** The record of a refused CSV row: its cells under the header's names (reserved names left out). */
function recordOfCells(header: readonly string[], cells: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(header.map((name, index) => [name, cells[index]]).filter(([name]) => !reserved.has(name as string)));
}

/** When the event `index` of `events` spread evenly from `start` to `end` happened (the last one alone at `end`). */
function eventAt(start: number, end: number, span: number, index: number, events: number): Date {
  return new Date(events === 1 ? end : start + Math.round((span * index) / (events - 1)));
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

function readPath(lead: Record<string, unknown>, path: string): Record<string, unknown> {
  let owner = lead;
  for (const key of path.split('.')) owner = owner[key] as Record<string, unknown>;
  return owner;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Own properties of a record; nested plain objects become `Parent.Child` columns (Salesforce's `Account.Name`). */
function flattenRecord(record: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  let nested = false;
  for (const key of Object.keys(record)) if (isPlainObject(record[key])) nested = true;
  if (!nested) return record;
  const flat: Record<string, unknown> = {};
  const visit = (owner: Readonly<Record<string, unknown>>, prefix: string, depth: number): void => {
    for (const key of Object.keys(owner)) {
      const value = owner[key];
      const name = prefix === '' ? key : `${prefix}.${key}`;
      if (reserved.has(key)) continue;
      if (isPlainObject(value) && depth < 5) visit(value, name, depth + 1);
      else Object.defineProperty(flat, name, { value, enumerable: true, writable: true, configurable: true });
    }
  };
  visit(record, '', 0);
  return flat;
}
