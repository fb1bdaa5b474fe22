import type { ConditionJson } from '../conditions/condition-definition.ts';
import { leadFieldCatalog, type LeadSchema } from '../conditions/field-path.ts';
import { issue, ValidationError, type ValidationIssue } from '../errors.ts';
import { instantMs, MILLISECONDS_PER_DAY, type Instant } from '../internal/instant.ts';
import { scoringModelFieldIssues } from '../scoring/define-scoring-model.ts';
import type { ActivityPointsRule, BandPointsRule, ScoringModel, ScoringRule, ValuePointsRule } from '../scoring/scoring-model-definition.ts';
import { activitiesTable, activityColumns, windowMs } from './activity-source.ts';
import { activityFilterSql, conditionSql, type ConditionSqlContext } from './condition-to-sql.ts';
import { resolveSqlDialect, type SqlDialect, type SqlDialectName } from './dialect.ts';
import { createFieldSources, LEAD_ALIAS, SqlMappingGap, type FieldSource } from './field-sources.ts';
import type { SqlMapping } from './sql-mapping-definition.ts';
import { createSqlWriter, hasLoneSurrogate, storableText, type SqlWriter } from './sql-writer.ts';

/** Options of {@link scoringModelToSql}. */
export interface ScoringModelSqlOptions {
  /** The SQL dialect: `postgres`, `duckdb`, or a dialect object of your own. */
  readonly dialect: SqlDialectName | SqlDialect;
  /** Where the leads, activities and stage history are (from `parseSqlMapping` or `defineSqlMapping`). */
  readonly mapping: SqlMapping;
  /**
   * Whether to return the explanation columns (`groups`, `contributions`, `disqualifications`, `overrides`; default
   * `true`). Without them the query returns the numbers, the band, the cell and the flags only, and runs faster.
   */
  readonly explain?: boolean | undefined;
  /** Your lead schema, when the model names fields of an extended lead (as given to `parseScoringModel`). */
  readonly lead?: LeadSchema | undefined;
}

/** The values of a query's bound parameters for one run. */
export interface SqlRunOptions {
  /** The instant the query scores or selects as of (a `Date` or epoch milliseconds): bound as parameter 1. */
  readonly asOf: Instant;
}

/** A SQL query compiled from a leadkit definition: its text and the values of its bound parameters. */
export interface SqlQuery {
  /** The dialect it is written in. */
  readonly dialect: string;
  /** The SQL text. Every value from the definition is a bound parameter; `$1` is `asOf` in epoch milliseconds. */
  readonly sql: string;
  /** The columns it returns, in order. */
  readonly columns: readonly string[];
  /**
   * The values of the bound parameters for a run as of `asOf`: `asOf` in epoch milliseconds, then the texts of the
   * definition.
   *
   * @throws RangeError when `asOf` is not a valid instant.
   */
  parameters(options: SqlRunOptions): unknown[];
}

type ScoringPointsRule = Exclude<ScoringRule, { kind: 'disqualify' }>;

/** One rule's state through the stages: SQL expressions of its points, points removed by limits, and weight. */
interface RuleState {
  value: string;
  capped: string | undefined;
  weight: string | undefined;
}

/** A layer of the query: a CTE selecting the previous layer's columns and new ones. */
interface Layer {
  readonly name: string;
  readonly columns: string[];
}

const DAY = MILLISECONDS_PER_DAY;

/**
 * Compiles a declarative scoring model into one SQL query that scores every lead of the mapped tables where they
 * are: one row per lead with `lead_id`, `score`, `fit`, `engagement`, `band`, `matrix_cell`, `grade`, `sales_ready`
 * and `disqualified`, and (unless `explain: false`) `groups`, `contributions`, `disqualifications` and `overrides` as
 * JSON with the fields of `LeadScore`. It scores as `compileScoringModel` does: the same rules, conditions, decay,
 * count and points caps, group and total limits with the proportional cut, weights, normalisation, bands (with
 * hysteresis when the mapping gives the previous band), matrix and overrides.
 *
 * @example
 * ```ts
 * import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
 *
 * const model = defineScoringModel({
 *   schemaVersion: 1,
 *   id: 'fit',
 *   rules: [{ kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { software: 10 } }],
 * });
 * const connection = await (await DuckDBInstance.create(':memory:')).connect();
 * for (const statement of leadkitTablesSql('duckdb')) await connection.run(statement);
 * const query = scoringModelToSql(model, { dialect: 'duckdb', mapping: leadkitSqlMapping });
 * const reader = await connection.runAndReadAll(query.sql, query.parameters({ asOf: new Date('2025-01-15T00:00:00Z') }) as DuckDBValue[]);
 * const scored = reader.getRowObjectsJS().map((row) => readSqlLeadScore(row));
 * ```
 * @throws ValidationError (with the path of each part) when the model names a field the mapping does not place, tests
 * an activity detail it has no column for, or holds a name the dialect cannot return (NUL in PostgreSQL text, an
 * unpaired surrogate).
 */
export function scoringModelToSql(model: ScoringModel, options: ScoringModelSqlOptions): SqlQuery {
  const dialect = resolveSqlDialect(options.dialect);
  const explain = options.explain !== false;
  const writer = createSqlWriter(dialect);
  const mapping = options.mapping;
  const catalog = leadFieldCatalog(options.lead);
  const issues: ValidationIssue[] = options.lead === undefined ? [] : scoringModelFieldIssues(model, catalog);
  if (issues.length > 0) throw new ValidationError('scoring model', issues);
  const sources = createFieldSources(writer, mapping, catalog);
  const number = writer.number;
  const zero = number(0);

  // ---- activities: one pass over the activities table, every aggregate a rule or an activity test needs --------
  const facts: string[] = [];
  const ranked: { rule: number; factor: string; filter: string }[] = [];
  let usesActivities = false;
  const factsAlias = 'f';
  const actColumns = (): ReturnType<typeof activityColumns> => {
    const table = activitiesTable(mapping);
    usesActivities = true;
    return activityColumns(
      writer,
      {
        ...table,
        type: 'k_type',
        pageKind: table.pageKind === undefined ? undefined : 'k_page_kind',
        url: table.url === undefined ? undefined : 'k_url',
        bounce: table.bounce === undefined ? undefined : 'k_bounce',
        direction: table.direction === undefined ? undefined : 'k_direction',
        campaign: table.campaign === undefined ? undefined : 'k_campaign',
      },
      'x',
    );
  };
  const addFact = (expression: string): string => {
    const name = `q${facts.length}`;
    facts.push(`${expression} AS ${name}`);
    return `COALESCE(${factsAlias}.${name}, 0)`;
  };
  const context: ConditionSqlContext = {
    writer,
    sources,
    issues,
    activityCount(condition: ConditionJson) {
      const columns = actColumns();
      const filter = activityFilterSql(condition.activity ?? {}, columns, writer);
      const window = windowMs(condition);
      const parts = [...(window === undefined ? [] : [`x.age <= ${number(window)}`]), ...(filter === 'TRUE' ? [] : [filter])];
      return addFact(`COUNT(CASE WHEN ${parts.length === 0 ? 'TRUE' : parts.join(' AND ')} THEN 1 END)`);
    },
  };

  const scoringRules: { rule: ScoringPointsRule; index: number }[] = [];
  const gates: { id: string; label: string; when: ConditionJson; index: number }[] = [];
  model.rules.forEach((rule, index) => {
    if (rule.kind === 'disqualify') gates.push({ id: rule.id, label: rule.label, when: rule.when, index });
    else scoringRules.push({ rule, index });
  });

  // ---- the rules layer: each rule's points (after an activity rule's decay and count and points caps) -----------
  const ruleColumns: string[] = [];
  const activityFacts = new Map<number, { raw: string; decayed: string; count: string }>();
  const sourceOf = (path: string, at: (string | number)[]): FieldSource | undefined => {
    try {
      return sources.source(path);
    } catch (error) {
      if (!(error instanceof SqlMappingGap)) throw error;
      issues.push(issue(at, error.message, 'not_expressible'));
      return undefined;
    }
  };
  scoringRules.forEach(({ rule, index }, position) => {
    const at: (string | number)[] = ['rules', index];
    let value: string;
    switch (rule.kind) {
      case 'points':
        value = `CASE WHEN ${conditionSql(rule.when, context, [...at, 'when'])} THEN ${number(rule.points)} ELSE ${zero} END`;
        break;
      case 'values': {
        const source = sourceOf(rule.field, [...at, 'field']);
        value = source === undefined ? zero : valuesRuleSql(rule, source, writer);
        break;
      }
      case 'bands': {
        const source = sourceOf(rule.field, [...at, 'field']);
        value = source === undefined ? zero : bandsRuleSql(rule, source, writer);
        break;
      }
      case 'activity': {
        try {
          const written = activityRuleSql(rule, position, actColumns(), writer, addFact, ranked);
          activityFacts.set(position, written);
          value = written.value;
        } catch (error) {
          if (!(error instanceof SqlMappingGap)) throw error;
          issues.push(issue([...at, 'activity'], error.message, 'not_expressible'));
          value = zero;
        }
        break;
      }
    }
    ruleColumns.push(`${value} AS v${position}`);
  });
  gates.forEach((gate, position) => ruleColumns.push(`COALESCE(${conditionSql(gate.when, context, ['rules', gate.index, 'when'])}, FALSE) AS d${position}`));
  const grading = model.grading;
  const overrides = grading?.overrides ?? [];
  overrides.forEach((override, position) =>
    ruleColumns.push(`COALESCE(${conditionSql(override.when, context, ['grading', 'overrides', position, 'when'])}, FALSE) AS o${position}`),
  );
  for (const [position, written] of activityFacts)
    ruleColumns.push(`${written.raw} AS raw${position}`, `${written.decayed} AS dec${position}`, `${written.count} AS n${position}`);
  const hysteresis = grading?.bands?.hysteresis ?? 0;
  const previousBand = mapping.leads.previousBand;
  if (hysteresis > 0 && previousBand !== undefined)
    ruleColumns.push(`CAST(${LEAD_ALIAS}.${writer.identifier(previousBand)} AS ${dialect.textType}) AS previous_band`);

  // Names the query returns: each must be text the database can hold.
  const returned = (text: string, at: (string | number)[]): void => {
    if (!storableText(text, dialect))
      issues.push(
        issue(
          at,
          `${JSON.stringify(text.slice(0, 60))} cannot be returned by ${dialect.name}: ${hasLoneSurrogate(text) ? 'it holds an unpaired surrogate' : 'its text cannot hold NUL'}`,
          'not_expressible',
        ),
      );
  };
  const explained = (text: string, at: (string | number)[]): void => {
    if (hasLoneSurrogate(text))
      issues.push(issue(at, `${JSON.stringify(text.slice(0, 60))} holds an unpaired surrogate, which no database text can hold`, 'not_expressible'));
  };
  if (explain) {
    scoringRules.forEach(({ rule, index }) => {
      explained(rule.id, ['rules', index, 'id']);
      explained(rule.label, ['rules', index, 'label']);
      if (rule.group !== undefined) explained(rule.group, ['rules', index, 'group']);
    });
    for (const gate of gates) {
      explained(gate.id, ['rules', gate.index, 'id']);
      explained(gate.label, ['rules', gate.index, 'label']);
    }
    overrides.forEach((override, position) => {
      explained(override.id, ['grading', 'overrides', position, 'id']);
      explained(override.label, ['grading', 'overrides', position, 'label']);
    });
    for (const name of Object.keys(model.groups ?? {})) explained(name, ['groups', name]);
  }
  grading?.bands?.thresholds.forEach((threshold, position) => returned(threshold.band, ['grading', 'bands', 'thresholds', position, 'band']));
  if (grading?.bands !== undefined) returned(grading.bands.otherwise, ['grading', 'bands', 'otherwise']);
  overrides.forEach((override, position) => {
    if (override.band !== undefined) returned(override.band, ['grading', 'overrides', position, 'band']);
  });
  const matrix = grading?.matrix;
  if (matrix !== undefined) {
    matrix.fit.forEach((threshold, position) => returned(threshold.grade, ['grading', 'matrix', 'fit', position, 'grade']));
    matrix.engagement.forEach((threshold, position) => returned(threshold.grade, ['grading', 'matrix', 'engagement', position, 'grade']));
    returned(matrix.fitOtherwise, ['grading', 'matrix', 'fitOtherwise']);
    returned(matrix.engagementOtherwise, ['grading', 'matrix', 'engagementOtherwise']);
  }
  if (issues.length > 0) throw new ValidationError(`scoring model for ${dialect.name}`, issues);

  // ---- groups, limits, weights, normalisation: the compiled engine's order of operations, layer by layer ---------
  const groupOfRule = scoringRules.map(({ rule }) => rule.group ?? (rule.kind === 'activity' ? 'engagement' : 'fit'));
  const groupNames: string[] = [];
  for (const name of groupOfRule) if (!groupNames.includes(name)) groupNames.push(name);
  for (const name of Object.keys(model.groups ?? {})) if (!groupNames.includes(name)) groupNames.push(name);
  const members = groupNames.map((name) => groupOfRule.flatMap((group, index) => (group === name ? [index] : [])));
  const settingsOf = (name: string) => (model.groups !== undefined && Object.hasOwn(model.groups, name) ? model.groups[name] : undefined);
  const weights = groupNames.map((name) => settingsOf(name)?.weight ?? 1);
  const total = model.total ?? {};
  const combine = total.combine ?? 'sum';

  const layers: Layer[] = [];
  const state: RuleState[] = scoringRules.map(({ rule }, position) => ({
    value: `v${position}`,
    capped: rule.kind === 'activity' ? `(dec${position} - v${position})` : undefined,
    weight: undefined,
  }));
  let columnCounter = 0;
  const fresh = (prefix: string): string => `s_${prefix}${columnCounter++}`;
  const addLayer = (columns: string[]): void => {
    if (columns.length > 0) layers.push({ name: `s${layers.length + 1}`, columns });
  };
  const sumOf = (indices: readonly number[]): string =>
    indices.length === 0 ? zero : `(${indices.map((index) => (state[index] as RuleState).value).join(' + ')})`;
  // The column holding a sum that the engine reaches exactly, by the rules it adds up (a limit lands on the bound it
  // broke: the engine's values then add up to the bound, while their SQL copies, cut by the same factor, may miss it by
  // rounding). A later limit or the score reads it, so that a score of exactly 100 stays 100. Emptied when values scale.
  const exactSums = new Map<string, string>();
  const sumOfKnown = (indices: readonly number[]): string => exactSums.get(indices.join(',')) ?? sumOf(indices);

  /**
   * Brings the sum of `indices` into [floor, cap] as `limitRange` does: positive points cut by one factor above the
   * cap, negative points given back below the floor. Returns the column of the limited sum (the bound it broke, else
   * the sum) and the column of the points still missing to a positive floor.
   */
  const limit = (indices: readonly number[], floor: number | undefined, cap: number | undefined): { sum: string; lift: string | undefined } => {
    const sum = fresh('sum');
    const positive = fresh('pos');
    const negative = fresh('neg');
    addLayer([
      `${sumOfKnown(indices)} AS ${sum}`,
      `(${zero}${indices.map((index) => ` + CASE WHEN ${(state[index] as RuleState).value} > 0 THEN ${(state[index] as RuleState).value} ELSE ${zero} END`).join('')}) AS ${positive}`,
      `(${zero}${indices.map((index) => ` + CASE WHEN ${(state[index] as RuleState).value} > 0 THEN ${zero} ELSE ${(state[index] as RuleState).value} END`).join('')}) AS ${negative}`,
    ]);
    const clampFactor = (factor: string): string => `CASE WHEN ${factor} > 0 THEN LEAST(${number(1)}, ${factor}) ELSE ${zero} END`;
    const reach = floor === undefined ? zero : `(${number(floor)} - ${positive})`;
    // Whether the sum broke the cap or the floor, and the factor that moves the points back, as columns of their own.
    const above = fresh('above');
    const below = fresh('below');
    const capFactor = fresh('fcap');
    const floorFactor = fresh('ffloor');
    addLayer([
      `${cap === undefined ? 'FALSE' : `${sum} > ${number(cap)}`} AS ${above}`,
      `${floor === undefined ? 'FALSE' : `${sum} < ${number(floor)}`} AS ${below}`,
      // Computed only where the bound is broken: there the divisor is never 0 (a database refuses to divide by 0).
      `${cap === undefined ? zero : `CASE WHEN ${sum} > ${number(cap)} THEN ${clampFactor(`(${number(cap)} - ${negative}) / ${positive}`)} ELSE ${zero} END`} AS ${capFactor}`,
      `${floor === undefined ? zero : `CASE WHEN ${sum} < ${number(floor)} AND ${reach} < 0 THEN ${clampFactor(`${reach} / ${negative}`)} ELSE ${zero} END`} AS ${floorFactor}`,
    ]);
    const columns: string[] = [];
    for (const index of indices) {
      const rule = state[index] as RuleState;
      const next = (factor: string): string => `CASE WHEN ${factor} = 0 THEN ${zero} ELSE ${rule.value} * ${factor} END`;
      const moved = `CASE WHEN ${above} AND ${rule.value} > 0 THEN ${next(capFactor)} WHEN ${below} AND ${rule.value} < 0 THEN ${next(floorFactor)} ELSE ${rule.value} END`;
      const valueColumn = fresh('v');
      const cappedColumn = fresh('c');
      columns.push(`${moved} AS ${valueColumn}`, `${rule.capped === undefined ? '' : `${rule.capped} + `}(${rule.value} - (${moved})) AS ${cappedColumn}`);
      rule.value = valueColumn;
      rule.capped = cappedColumn;
    }
    addLayer(columns);
    // The bound a sum broke is reached exactly (the engine lands on it); a positive floor beyond what negative points
    // can give back is reached by a lift, the `@floor` contribution.
    const limited = fresh('lim');
    const reachable = floor === undefined || floor <= 0 ? undefined : `${reach} <= 0`;
    const moved = sumOf(indices);
    const unreached = reachable === undefined ? undefined : `${below} AND NOT (${reachable})`;
    const layer = [
      `CASE WHEN ${above} THEN ${number(cap ?? 0)} WHEN ${below}${reachable === undefined ? '' : ` AND ${reachable}`} THEN ${number(floor ?? 0)}${unreached === undefined ? '' : ` WHEN ${below} THEN ${moved}`} ELSE ${sum} END AS ${limited}`,
    ];
    let lift: string | undefined;
    if (unreached !== undefined) {
      lift = fresh('lift');
      layer.push(`CASE WHEN ${unreached} THEN ${number(floor ?? 0)} - ${moved} ELSE ${zero} END AS ${lift}`);
    }
    addLayer(layer);
    exactSums.clear();
    exactSums.set(indices.join(','), limited);
    return { sum: limited, lift };
  };

  const scale = (index: number, factor: string): string[] => {
    const rule = state[index] as RuleState;
    exactSums.clear();
    const valueColumn = fresh('v');
    const columns = [`${rule.value} * ${factor} AS ${valueColumn}`];
    rule.value = valueColumn;
    if (rule.capped !== undefined) {
      const cappedColumn = fresh('c');
      columns.push(`${rule.capped} * ${factor} AS ${cappedColumn}`);
      rule.capped = cappedColumn;
    }
    const weightColumn = fresh('w');
    columns.push(`${rule.weight === undefined ? number(1) : rule.weight} * ${factor} AS ${weightColumn}`);
    rule.weight = weightColumn;
    return columns;
  };

  // Group caps and floors, then each group's score (reported as fit, engagement, groups).
  const groupScores: string[] = groupNames.map(() => '');
  const limitedGroups = groupNames.flatMap((name, group) => (settingsOf(name)?.cap !== undefined || settingsOf(name)?.floor !== undefined ? [group] : []));
  for (const group of limitedGroups) {
    const settings = settingsOf(groupNames[group] as string);
    groupScores[group] = limit(members[group] as number[], settings?.floor, settings?.cap).sum;
  }
  {
    const columns: string[] = [];
    groupNames.forEach((_, group) => {
      if (groupScores[group] !== '') return;
      const name = fresh('g');
      columns.push(`${sumOf(members[group] as number[])} AS ${name}`);
      groupScores[group] = name;
    });
    if (columns.length > 0) addLayer(columns);
  }
  let scoreColumn: string | undefined;
  let liftColumn: string | undefined;
  if (combine === 'sum') {
    const columns = state.flatMap((_, index) => {
      const weight = weights[groupNames.indexOf(groupOfRule[index] as string)] as number;
      return weight === 1 ? [] : scale(index, number(weight));
    });
    if (columns.length > 0) addLayer(columns);
  } else {
    const candidates = groupNames.map((_, group) => `(${groupScores[group]} * ${number(weights[group] as number)})`);
    const eligible = groupNames.flatMap((_, group) => ((members[group] as number[]).length > 0 ? [group] : []));
    const better = combine === 'max' ? '>' : '<';
    const chosen = fresh('chosen');
    const cases = eligible.map((group, position) => {
      const tests = [
        ...eligible.slice(0, position).map((other) => `${candidates[group]} ${better} ${candidates[other]}`),
        ...eligible.slice(position + 1).map((other) => `NOT (${candidates[other]} ${better} ${candidates[group]})`),
      ];
      return `WHEN ${tests.length === 0 ? 'TRUE' : tests.join(' AND ')} THEN ${group}`;
    });
    addLayer([`${cases.length === 0 ? '-1' : `CASE ${cases.join(' ')} ELSE -1 END`} AS ${chosen}`]);
    const columns = state.flatMap((_, index) => {
      const group = groupNames.indexOf(groupOfRule[index] as string);
      return scale(index, `CASE WHEN ${chosen} = ${group} THEN ${number(weights[group] as number)} ELSE ${zero} END`);
    });
    if (columns.length > 0) addLayer(columns);
    // Weights of 1 leave the chosen group's points as they were and zero the others: the total is that group's score.
    if (eligible.length > 0 && eligible.every((group) => weights[group] === 1)) {
      const totals = eligible.map((group) => `WHEN ${chosen} = ${group} THEN ${groupScores[group]}`).join(' ');
      exactSums.set(state.map((_, index) => index).join(','), `CASE ${totals} ELSE ${zero} END`);
    }
  }
  const everyRule = state.map((_, index) => index);
  if (total.normalize !== undefined) {
    const factor = number(100 / total.normalize.max);
    const columns = everyRule.flatMap((index) => scale(index, factor));
    if (columns.length > 0) addLayer(columns);
    scoreColumn = limit(everyRule, 0, 100).sum;
  }
  if (total.cap !== undefined || total.floor !== undefined) {
    const limited = limit(everyRule, total.floor, total.cap);
    scoreColumn = limited.sum;
    liftColumn = limited.lift;
  }
  const score =
    scoreColumn === undefined
      ? sumOfKnown(everyRule)
      : liftColumn === undefined
        ? scoreColumn
        : `CASE WHEN ${liftColumn} <> 0 THEN ${number(total.floor ?? 0)} ELSE ${scoreColumn} END`;

  // ---- grading -------------------------------------------------------------------------------------------------
  const groupScore = (name: string): string => {
    const group = groupNames.indexOf(name);
    return group < 0 ? zero : (groupScores[group] as string);
  };
  const disqualified = gates.length === 0 ? 'FALSE' : `(${gates.map((_, position) => `d${position}`).join(' OR ')})`;
  const bands = grading?.bands;
  let band = 'NULL';
  if (bands !== undefined) {
    const base = `CASE ${bands.thresholds.map((threshold) => `WHEN score >= ${number(threshold.min)} THEN ${writer.text(threshold.band)}`).join(' ')} ELSE ${writer.text(bands.otherwise)} END`;
    band = base;
    if (hysteresis > 0 && previousBand !== undefined) {
      const cases: string[] = [];
      const seen = new Set<string>();
      const candidates = [bands.otherwise, ...bands.thresholds.map((threshold) => threshold.band)];
      for (const name of candidates) {
        if (seen.has(name)) continue;
        seen.add(name);
        const index = name === bands.otherwise ? bands.thresholds.length : bands.thresholds.findIndex((threshold) => threshold.band === name);
        const lower = index < bands.thresholds.length ? (bands.thresholds[index]?.min as number) - hysteresis : -Infinity;
        const upper = index > 0 ? (bands.thresholds[index - 1]?.min as number) + hysteresis : Infinity;
        const tests = [...(lower === -Infinity ? [] : [`score >= ${number(lower)}`]), ...(upper === Infinity ? [] : [`score < ${number(upper)}`])];
        cases.push(
          `WHEN previous_band = ${writer.text(name)} THEN ${tests.length === 0 ? 'previous_band' : `CASE WHEN ${tests.join(' AND ')} THEN previous_band ELSE base_band END`}`,
        );
      }
      band = `CASE WHEN previous_band IS NULL OR previous_band = base_band THEN base_band ${cases.join(' ')} ELSE base_band END`;
    }
  }
  const forcing = overrides.flatMap((override, position) => (override.band === undefined ? [] : [`WHEN o${position} THEN ${writer.text(override.band)}`]));
  const anyOverride = overrides.length === 0 ? 'FALSE' : `(${overrides.map((_, position) => `o${position}`).join(' OR ')})`;
  const axis = (thresholds: readonly { grade: string; min: number }[], otherwise: string, value: string): string =>
    `CASE ${thresholds.map((threshold) => `WHEN ${value} >= ${number(threshold.min)} THEN ${writer.text(threshold.grade)}`).join(' ')} ELSE ${writer.text(otherwise)} END`;
  const cell =
    matrix === undefined ? 'NULL' : `(${axis(matrix.fit, matrix.fitOtherwise, 'fit')} || ${axis(matrix.engagement, matrix.engagementOtherwise, 'engagement')})`;
  const salesReadyBands = [...new Set((bands?.thresholds ?? []).filter((threshold) => threshold.salesReady === true).map((threshold) => threshold.band))];
  const salesReadyCells = [...new Set(matrix?.salesReady ?? [])].filter((name) => storableText(name, dialect));

  // ---- explanation ---------------------------------------------------------------------------------------------
  const explanation: string[] = [];
  if (explain) {
    const text = (expression: string): string => dialect.numberText(expression);
    // Each item starts with a comma and then a JSON value: the list drops the first comma with ltrim, which stops at
    // the first other character (substr counts characters from the start: in DuckDB it nearly doubled the cost).
    const items = (parts: readonly string[]): string => (parts.length === 0 ? `'[]'` : dialect.concat([`'['`, `ltrim(${dialect.concat(parts)}, ',')`, `']'`]));
    const contributions = scoringRules.map(({ rule }, position) => {
      const current = state[position] as RuleState;
      const activity = activityFacts.has(position);
      const raw = activity ? `raw${position}` : `v${position}`;
      const decayed = activity ? `dec${position}` : `v${position}`;
      const head = writer.text(`,${JSON.stringify({ ruleId: rule.id, label: rule.label, group: groupOfRule[position] }).slice(0, -1)},"rawPoints":`);
      const body = [
        head,
        text(raw),
        `',"decayFactor":'`,
        text(`CASE WHEN ${raw} = 0 THEN ${number(1)} ELSE ${decayed} / ${raw} END`),
        `',"decayedPoints":'`,
        text(decayed),
        `',"weight":'`,
        text(current.weight ?? number(1)),
        `',"cappedPoints":'`,
        text(current.capped ?? zero),
        `',"points":'`,
        text(current.value),
        `',"occurrences":'`,
        activity ? text(`n${position}`) : `'1'`,
        `'}'`,
      ];
      // A lead-level rule no limit or weight touched gives one of a few known values: its contribution is then a
      // constant text chosen by the value (numbers written by JavaScript, read back as the same doubles), not built
      // per lead.
      const known = !activity && current.value === `v${position}` && current.capped === undefined && current.weight === undefined ? possiblePoints(rule) : [];
      const constant = known
        .filter((value) => value !== 0)
        .map(
          (value) =>
            `WHEN ${raw} = ${number(value)} THEN ${writer.text(`,${JSON.stringify({ ruleId: rule.id, label: rule.label, group: groupOfRule[position], rawPoints: value, decayFactor: 1, decayedPoints: value, weight: 1, cappedPoints: 0, points: value, occurrences: 1 })}`)}`,
        );
      // No contribution when every amount is 0 (each expression tested once: for a plain rule they are one column).
      const zeroTest = [...new Set([raw, decayed, current.value])].map((amount) => `${amount} = 0`).join(' AND ');
      return `CASE WHEN ${zeroTest} THEN NULL ${constant.join(' ')} ELSE ${dialect.concat(body)} END`;
    });
    if (liftColumn !== undefined)
      contributions.push(
        `CASE WHEN ${liftColumn} = 0 THEN NULL ELSE ${dialect.concat([`',{"ruleId":"@floor","label":"Minimum score","group":"@total","rawPoints":0,"decayFactor":1,"decayedPoints":0,"weight":1,"cappedPoints":'`, text(`-${liftColumn}`), `',"points":'`, text(liftColumn), `',"occurrences":0}'`])} END`,
      );
    const groupsJson = dialect.concat([
      `'{'`,
      ...groupNames.flatMap((name, group) => [writer.text(`${group === 0 ? '' : ','}${JSON.stringify(name)}:`), text(groupScores[group] as string)]),
      `'}'`,
    ]);
    const gateItems = gates.map(
      (gate, position) => `CASE WHEN d${position} THEN ${writer.text(`,${JSON.stringify({ ruleId: gate.id, label: gate.label })}`)} END`,
    );
    const overrideItems = overrides.map(
      (override, position) =>
        `CASE WHEN o${position} THEN ${writer.text(`,${JSON.stringify(override.band === undefined ? { ruleId: override.id, label: override.label } : { ruleId: override.id, label: override.label, band: override.band })}`)} END`,
    );
    explanation.push(
      `${dialect.textToJson(groupsJson)} AS groups`,
      `${dialect.textToJson(items(contributions))} AS contributions`,
      `${dialect.textToJson(items(gateItems))} AS disqualifications`,
      `${dialect.textToJson(items(overrideItems))} AS overrides`,
    );
  }

  // ---- the query -----------------------------------------------------------------------------------------------
  const ctes: string[] = [];
  const leadsTable = writer.table(mapping.leads);
  const joins: string[] = [];
  if (usesActivities) {
    const table = activitiesTable(mapping);
    const source = 'a0';
    const pick = (key: 'pageKind' | 'url' | 'bounce' | 'direction' | 'campaign', name: string): string[] =>
      table[key] === undefined ? [] : [`${source}.${writer.identifier(table[key] as string)} AS ${name}`];
    const age = `${writer.asOfMs} - ${dialect.epochMilliseconds(`${source}.${writer.identifier(table.at)}`)}`;
    const selected = [
      `${source}.${writer.identifier(table.leadId)} AS lead_id`,
      `${source}.${writer.identifier(table.type)} AS k_type`,
      ...pick('pageKind', 'k_page_kind'),
      ...pick('url', 'k_url'),
      ...pick('bounce', 'k_bounce'),
      ...pick('direction', 'k_direction'),
      ...pick('campaign', 'k_campaign'),
      `${age} AS age`,
    ];
    ctes.push(`act AS (SELECT ${selected.join(', ')} FROM ${writer.table(table)} AS ${source} WHERE ${age} >= 0)`);
    ctes.push(`facts AS (SELECT x.lead_id, ${facts.length === 0 ? 'COUNT(*) AS q_rows' : facts.join(', ')} FROM act AS x GROUP BY x.lead_id)`);
    joins.push(`LEFT JOIN facts AS ${factsAlias} ON ${factsAlias}.lead_id = ${LEAD_ALIAS}.${writer.identifier(mapping.leads.id)}`);
    if (ranked.length > 0) {
      const union = ranked
        .map(({ rule, factor, filter }) => `SELECT x.lead_id, ${rule} AS rule, ${factor} AS factor FROM act AS x WHERE ${filter}`)
        .join(' UNION ALL ');
      ctes.push(
        `ranked AS (SELECT y.lead_id, y.rule, y.factor, ROW_NUMBER() OVER (PARTITION BY y.lead_id, y.rule ORDER BY y.factor DESC) AS position FROM (${union}) AS y)`,
      );
      const tops = ranked.map(({ rule }) => {
        const written = scoringRules[rule]?.rule as ActivityPointsRule;
        return `SUM(CASE WHEN z.rule = ${rule} AND z.position <= ${written.maxCount ?? 0} THEN ${number(written.points)} * z.factor END) AS top${rule}`;
      });
      ctes.push(`tops AS (SELECT z.lead_id, ${tops.join(', ')} FROM ranked AS z GROUP BY z.lead_id)`);
      joins.push(`LEFT JOIN tops AS t ON t.lead_id = ${LEAD_ALIAS}.${writer.identifier(mapping.leads.id)}`);
    }
  }
  ctes.push(
    `rules AS (SELECT ${LEAD_ALIAS}.${writer.identifier(mapping.leads.id)} AS lead_id, ${writer.asOfMs} AS as_of_ms${ruleColumns.map((column) => `, ${column}`).join('')} FROM ${leadsTable} AS ${LEAD_ALIAS}${joins.map((join) => ` ${join}`).join('')})`,
  );
  let previous = 'rules';
  for (const layer of layers) {
    ctes.push(`${layer.name} AS (SELECT p.*, ${layer.columns.join(', ')} FROM ${previous} AS p${dialect.layerFence})`);
    previous = layer.name;
  }
  // The score, then the band from it, then the rest (each layer names what the next one reads).
  ctes.push(
    `scored AS (SELECT p.*, ${score} AS score, ${groupScore('fit')} AS fit, ${groupScore('engagement')} AS engagement FROM ${previous} AS p${dialect.layerFence})`,
  );
  const bandLayer = hysteresis > 0 && previousBand !== undefined && bands !== undefined ? `p.*, ${bandSql(bands, writer)} AS base_band` : 'p.*';
  ctes.push(`banded AS (SELECT ${bandLayer} FROM scored AS p${dialect.layerFence})`);
  const bandWithOverrides = forcing.length === 0 ? band : `CASE ${forcing.join(' ')} ELSE ${band} END`;
  ctes.push(
    `graded AS (SELECT p.*, ${bandWithOverrides} AS band, ${cell} AS matrix_cell, ${disqualified} AS disqualified, ${anyOverride} AS any_override FROM banded AS p${dialect.layerFence})`,
  );
  const salesReady = [
    'any_override',
    ...(salesReadyBands.length === 0 ? [] : [`COALESCE(band IN (${salesReadyBands.map((name) => writer.text(name)).join(', ')}), FALSE)`]),
    ...(salesReadyCells.length === 0 ? [] : [`COALESCE(matrix_cell IN (${salesReadyCells.map((name) => writer.text(name)).join(', ')}), FALSE)`]),
  ];
  const final = [
    'lead_id',
    'score',
    'fit',
    'engagement',
    'band',
    'matrix_cell',
    `CASE WHEN disqualified THEN 'F' ELSE COALESCE(matrix_cell, band) END AS grade`,
    `(NOT disqualified AND (${salesReady.join(' OR ')})) AS sales_ready`,
    'disqualified',
    ...explanation,
  ];
  const sql = `WITH ${ctes.join(',\n')}\nSELECT ${final.join(', ')} FROM graded`;
  const columns = [
    'lead_id',
    'score',
    'fit',
    'engagement',
    'band',
    'matrix_cell',
    'grade',
    'sales_ready',
    'disqualified',
    ...(explain ? ['groups', 'contributions', 'disqualifications', 'overrides'] : []),
  ];
  const texts = [...writer.texts];
  return {
    dialect: dialect.name,
    sql,
    columns,
    parameters: (run) => [instantMs(run.asOf, 'asOf'), ...texts],
  };
}

/** The points a lead-level rule gives a lead whose value it does not sum (a list may add up several listed values). */
function possiblePoints(rule: ScoringPointsRule): number[] {
  const values =
    rule.kind === 'points'
      ? [rule.points]
      : rule.kind === 'values'
        ? [...Object.values(rule.values), rule.otherwise ?? 0]
        : rule.kind === 'bands'
          ? rule.bands.map((band) => band.points)
          : [];
  return [...new Set(values.filter((value) => !Object.is(value, -0)))].slice(0, 64);
}

function bandSql(bands: NonNullable<NonNullable<ScoringModel['grading']>['bands']>, writer: SqlWriter): string {
  return `CASE ${bands.thresholds.map((threshold) => `WHEN score >= ${writer.number(threshold.min)} THEN ${writer.text(threshold.band)}`).join(' ')} ELSE ${writer.text(bands.otherwise)} END`;
}

/** A value rule: points per listed value (every listed item of a list), `otherwise` for an unlisted value. */
function valuesRuleSql(rule: ValuePointsRule, source: FieldSource, writer: SqlWriter): string {
  const { dialect } = writer;
  const caseSensitive = rule.caseSensitive === true;
  const fold = (text: string): string => (caseSensitive ? text : text.toLowerCase());
  const entries = Object.entries(rule.values).map(([key, points]) => ({ key: fold(key), points }));
  const zero = writer.number(0);
  const otherwise = writer.number(rule.otherwise ?? 0);
  const folded = (expression: string): string => (caseSensitive ? expression : `lower(${expression})`);
  const textCases = entries.filter(({ key }) => storableText(key, dialect)).map(({ key, points }) => `WHEN ${writer.text(key)} THEN ${writer.number(points)}`);
  const parts: string[] = [];
  // Each part is NULL unless the value is of its kind; at most one kind is present per row.
  if (source.text !== undefined)
    parts.push(
      `CASE WHEN ${source.text} IS NULL THEN NULL ${textCases.length === 0 ? '' : `ELSE CASE ${folded(source.text)} ${textCases.join(' ')} ELSE ${otherwise} END `}${textCases.length === 0 ? `ELSE ${otherwise} ` : ''}END`,
    );
  if (source.number !== undefined) {
    // A number matches the key written as JavaScript writes the number (`5`, `1.5`).
    const numeric = entries.filter(({ key }) => key.trim() !== '' && Number.isFinite(Number(key)) && String(Number(key)) === key);
    parts.push(
      `CASE WHEN ${source.number} IS NULL THEN NULL ${numeric.map(({ key, points }) => `WHEN ${source.number} = ${writer.number(Number(key))} THEN ${writer.number(points)}`).join(' ')} ELSE ${otherwise} END`,
    );
  }
  if (source.boolean !== undefined) {
    const truth = entries.filter(({ key }) => key === 'true' || key === 'false');
    parts.push(
      `CASE WHEN ${source.boolean} IS NULL THEN NULL ${truth.map(({ key, points }) => `WHEN ${source.boolean} = ${key.toUpperCase()} THEN ${writer.number(points)}`).join(' ')} ELSE ${otherwise} END`,
    );
  }
  if (source.list !== undefined && source.listPresent !== undefined) {
    const alias = writer.alias('i');
    const array = source.list.array;
    const sum =
      textCases.length === 0
        ? 'NULL'
        : array !== undefined && dialect.listSum !== undefined
          ? dialect.listSum(array, (item) => `CASE ${folded(item)} ${textCases.join(' ')} END`)
          : `(SELECT SUM(CASE ${folded(`${alias}.value`)} ${textCases.join(' ')} END) FROM ${source.list.items(alias)})`;
    parts.push(`CASE WHEN ${source.listPresent} THEN COALESCE(${sum}, ${otherwise}) END`);
  }
  if (source.money !== undefined) parts.push(`CASE WHEN ${source.money.present} THEN ${otherwise} END`);
  if (source.timestamp !== undefined) parts.push(`CASE WHEN ${source.timestamp} IS NOT NULL THEN ${otherwise} END`);
  return parts.length === 0 ? zero : `COALESCE(${parts.join(', ')}, ${zero})`;
}

/** A band rule: the points of the first band holding the number (an amount in the rule's currency), else 0. */
function bandsRuleSql(rule: BandPointsRule, source: FieldSource, writer: SqlWriter): string {
  const numbers: string[] = [];
  if (source.number !== undefined) numbers.push(source.number);
  if (source.money !== undefined && rule.currency !== undefined) numbers.push(source.money.amountIn(rule.currency));
  const zero = writer.number(0);
  if (numbers.length === 0) return zero;
  const value = numbers.length === 1 ? (numbers[0] as string) : `COALESCE(${numbers.join(', ')})`;
  const cases = rule.bands.map((band) => {
    const tests = [
      ...(band.min === undefined ? [] : [`${value} >= ${writer.number(band.min)}`]),
      ...(band.max === undefined ? [] : [`${value} <= ${writer.number(band.max)}`]),
    ];
    return `WHEN ${tests.length === 0 ? `${value} IS NOT NULL` : tests.join(' AND ')} THEN ${writer.number(band.points)}`;
  });
  return `CASE ${cases.join(' ')} ELSE ${zero} END`;
}

/** The decay factor of an activity of age `age` (ms, ≥ 0) under a rule's decay, as the engine computes it. */
function decayFactorSql(rule: ActivityPointsRule, age: string, writer: SqlWriter): string | undefined {
  const decay = rule.decay;
  const number = writer.number;
  if (decay === undefined) return undefined;
  const days = `(${age} / ${number(DAY)})`;
  switch (decay.kind) {
    case 'halfLife':
      return `POWER(${number(0.5)}, ${age} * ${number(1 / (decay.days * DAY))})`;
    case 'step':
      return `POWER(${number(1 - decay.loss)}, FLOOR(${days} / ${number(decay.everyDays)}))`;
    case 'linear':
      return `GREATEST(${number(0)}, ${number(1)} - (${number(decay.loss)} * ${days}) / ${number(decay.everyDays)})`;
    case 'window':
      return `CASE WHEN ${days} <= ${number(decay.days)} THEN ${number(1)} ELSE ${number(0)} END`;
  }
}

/**
 * An activity rule: the aggregates over the lead's activities (count, raw and decayed points, and for `maxCount` the
 * most valuable activities), and the rule's points after its caps.
 */
function activityRuleSql(
  rule: ActivityPointsRule,
  position: number,
  columns: ReturnType<typeof activityColumns>,
  writer: SqlWriter,
  addFact: (expression: string) => string,
  ranked: { rule: number; factor: string; filter: string }[],
): { value: string; raw: string; decayed: string; count: string } {
  const number = writer.number;
  const filter = activityFilterSql(rule.activity, columns, writer);
  const window = rule.decay?.kind === 'window' ? rule.decay.days * DAY : undefined;
  const kept = [...(window === undefined ? [] : [`x.age <= ${number(window)}`]), ...(filter === 'TRUE' ? [] : [filter])];
  const test = kept.length === 0 ? 'TRUE' : kept.join(' AND ');
  const factor = decayFactorSql(rule, 'x.age', writer);
  const points = number(rule.points);
  const count = addFact(`COUNT(CASE WHEN ${test} THEN 1 END)`);
  const raw = addFact(`SUM(CASE WHEN ${test} THEN ${points} END)`);
  const decayed = factor === undefined ? raw : addFact(`SUM(CASE WHEN ${test} THEN ${points} * ${factor} END)`);
  let value = decayed;
  if (rule.maxCount !== undefined) {
    ranked.push({ rule: position, factor: factor ?? number(1), filter: test });
    value = `CASE WHEN ${count} > ${rule.maxCount} THEN COALESCE(t.top${position}, 0) ELSE ${decayed} END`;
  }
  if (rule.maxPoints !== undefined) value = `LEAST(GREATEST(${value}, ${number(-rule.maxPoints)}), ${number(rule.maxPoints)})`;
  return { value, raw, decayed, count };
}
