/**
 * A registry of frameworks, scales and question banks, created by the caller (no hidden global state), for
 * plugins and for resolving ids in stored definitions.
 *
 * @module
 */
import type { ValidationError, ValidationIssue } from '../errors.ts';
import { err, ok, type Result } from '../result.ts';
import { frameworkIssues, type Framework } from './define-framework.ts';
import { parseFramework } from './framework-definition.ts';
import { questionBankIssues, type QuestionBank } from './question-bank.ts';
import { builtinScales, scaleIssues, type RatingScale } from './scales.ts';

/** Why a registration was refused. */
export type FrameworkRegistryErrorCode = 'duplicate_framework' | 'duplicate_scale' | 'duplicate_question_bank' | 'invalid_definition';

/** A registration was refused: the id is taken, or the definition is invalid. Returned, never thrown, by the `register*` methods. */
export class FrameworkRegistryError extends Error {
  /** Why it was refused. */
  readonly code: FrameworkRegistryErrorCode;
  /** The id that was refused. */
  readonly id: string;
  /** The definition's problems, for `invalid_definition`. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param code - why it was refused.
   * @param id - the id that was refused.
   * @param message - what happened, in words.
   * @param issues - the definition's problems, if any.
   */
  constructor(code: FrameworkRegistryErrorCode, id: string, message: string, issues: readonly ValidationIssue[] = []) {
    super(message);
    this.name = 'FrameworkRegistryError';
    this.code = code;
    this.id = id;
    this.issues = issues;
  }
}

/** A framework plugin: a named bundle of frameworks, scales and question banks, registered all at once. */
export interface FrameworkPlugin {
  /** The plugin's name, usually its npm package name (`leadkit-plugin-spiced`). */
  readonly name: string;
  /** Scales the plugin adds (registered before its frameworks). */
  readonly scales?: readonly RatingScale[] | undefined;
  /** Frameworks the plugin adds. */
  readonly frameworks?: readonly Framework[] | undefined;
  /** Question banks the plugin adds. */
  readonly questionBanks?: readonly QuestionBank[] | undefined;
}

/** A registry of frameworks, scales and question banks. Ids are unique within each kind. */
export interface FrameworkRegistry {
  /** Registers a framework; refuses a taken id or an invalid definition. */
  registerFramework<F extends Framework>(framework: F): Result<F, FrameworkRegistryError>;
  /** Registers a scale; refuses a taken id or an invalid scale. */
  registerScale<S extends RatingScale>(scale: S): Result<S, FrameworkRegistryError>;
  /** Registers a question bank; refuses a taken id or an invalid bank. */
  registerQuestionBank<B extends QuestionBank>(bank: B): Result<B, FrameworkRegistryError>;
  /** Registers everything a plugin brings, or nothing if any part is refused. */
  use(plugin: FrameworkPlugin): Result<FrameworkPlugin, FrameworkRegistryError>;
  /** The framework with this id, if registered. */
  framework(id: string): Framework | undefined;
  /** The scale with this id, if registered. */
  scale(id: string): RatingScale | undefined;
  /** The question bank with this id, if registered. */
  questionBank(id: string): QuestionBank | undefined;
  /** Every registered framework, in registration order. */
  frameworks(): Framework[];
  /** Every registered scale, in registration order. */
  scales(): RatingScale[];
  /** Every registered question bank, in registration order. */
  questionBanks(): QuestionBank[];
  /** Parses a framework definition from JSON, resolving a scale named by id against this registry's scales. */
  parseFramework(input: unknown): Result<Framework, ValidationError>;
}

/** Options of {@link createFrameworkRegistry}. */
export interface CreateFrameworkRegistryOptions {
  /** Register the built-in scales first (default `true`). */
  readonly builtinScales?: boolean | undefined;
  /** Frameworks to register at once (for example the built-ins you use). */
  readonly frameworks?: readonly Framework[] | undefined;
  /** Scales to register at once. */
  readonly scales?: readonly RatingScale[] | undefined;
  /** Plugins to use at once. */
  readonly plugins?: readonly FrameworkPlugin[] | undefined;
}

/**
 * Creates an empty registry (plus the built-in scales, unless told otherwise). Each call makes an independent
 * registry: there is no global one. Frameworks are not registered by default, so a bundle holds only the
 * frameworks you import.
 *
 * @throws FrameworkRegistryError when `options` hold a duplicate id or an invalid definition (a programmer error;
 * register data from outside with the `register*` methods, which return the error).
 * @example
 * ```ts
 * declare const spicedPlugin: FrameworkPlugin; // a plugin package's export (see examples/plugin-spiced)
 *
 * const registry = createFrameworkRegistry({ frameworks: [bantFramework, meddicFramework] });
 * const added = registry.use(spicedPlugin);
 * if (!added.ok) console.error(added.error.message); // when used twice: 'Scale "spiced-signal" is already registered' (scales are checked first)
 * registry.framework('spiced');
 * ```
 */
export function createFrameworkRegistry(options: CreateFrameworkRegistryOptions = {}): FrameworkRegistry {
  const frameworks = new Map<string, Framework>();
  const scales = new Map<string, RatingScale>();
  const banks = new Map<string, QuestionBank>();

  const checkFramework = (framework: Framework): FrameworkRegistryError | undefined => {
    if (frameworks.has(framework.id))
      return new FrameworkRegistryError('duplicate_framework', framework.id, `Framework ${JSON.stringify(framework.id)} is already registered`);
    const problems = frameworkIssues(framework);
    if (problems.length > 0)
      return new FrameworkRegistryError('invalid_definition', framework.id, `Framework ${JSON.stringify(framework.id)} is invalid`, problems);
    return undefined;
  };
  const checkScale = (scale: RatingScale): FrameworkRegistryError | undefined => {
    if (scales.has(scale.id)) return new FrameworkRegistryError('duplicate_scale', scale.id, `Scale ${JSON.stringify(scale.id)} is already registered`);
    const problems = scaleIssues(scale);
    if (problems.length > 0) return new FrameworkRegistryError('invalid_definition', scale.id, `Scale ${JSON.stringify(scale.id)} is invalid`, problems);
    return undefined;
  };
  const checkBank = (bank: QuestionBank): FrameworkRegistryError | undefined => {
    if (banks.has(bank.id))
      return new FrameworkRegistryError('duplicate_question_bank', bank.id, `Question bank ${JSON.stringify(bank.id)} is already registered`);
    const problems = questionBankIssues(bank);
    if (problems.length > 0) return new FrameworkRegistryError('invalid_definition', bank.id, `Question bank ${JSON.stringify(bank.id)} is invalid`, problems);
    return undefined;
  };

  const registry: FrameworkRegistry = {
    registerFramework(framework) {
      const problem = checkFramework(framework);
      if (problem !== undefined) return err(problem);
      frameworks.set(framework.id, framework);
      return ok(framework);
    },
    registerScale(scale) {
      const problem = checkScale(scale);
      if (problem !== undefined) return err(problem);
      scales.set(scale.id, scale);
      return ok(scale);
    },
    registerQuestionBank(bank) {
      const problem = checkBank(bank);
      if (problem !== undefined) return err(problem);
      banks.set(bank.id, bank);
      return ok(bank);
    },
    use(plugin) {
      // Check everything first (including duplicates inside the plugin), so a refused plugin registers nothing.
      const seen = { scales: new Set<string>(), frameworks: new Set<string>(), banks: new Set<string>() };
      for (const scale of plugin.scales ?? []) {
        const problem = checkScale(scale);
        if (problem !== undefined) return err(problem);
        if (seen.scales.has(scale.id))
          return err(new FrameworkRegistryError('duplicate_scale', scale.id, `Plugin ${plugin.name} adds scale ${JSON.stringify(scale.id)} twice`));
        seen.scales.add(scale.id);
      }
      for (const framework of plugin.frameworks ?? []) {
        const problem = checkFramework(framework);
        if (problem !== undefined) return err(problem);
        if (seen.frameworks.has(framework.id))
          return err(
            new FrameworkRegistryError('duplicate_framework', framework.id, `Plugin ${plugin.name} adds framework ${JSON.stringify(framework.id)} twice`),
          );
        seen.frameworks.add(framework.id);
      }
      for (const bank of plugin.questionBanks ?? []) {
        const problem = checkBank(bank);
        if (problem !== undefined) return err(problem);
        if (seen.banks.has(bank.id))
          return err(
            new FrameworkRegistryError('duplicate_question_bank', bank.id, `Plugin ${plugin.name} adds question bank ${JSON.stringify(bank.id)} twice`),
          );
        seen.banks.add(bank.id);
      }
      for (const scale of plugin.scales ?? []) scales.set(scale.id, scale);
      for (const framework of plugin.frameworks ?? []) frameworks.set(framework.id, framework);
      for (const bank of plugin.questionBanks ?? []) banks.set(bank.id, bank);
      return ok(plugin);
    },
    framework: (id) => frameworks.get(id),
    scale: (id) => scales.get(id),
    questionBank: (id) => banks.get(id),
    frameworks: () => [...frameworks.values()],
    scales: () => [...scales.values()],
    questionBanks: () => [...banks.values()],
    parseFramework: (input) => parseFramework(input, { scales: [...scales.values()] }),
  };

  const orThrow = <T>(result: Result<T, FrameworkRegistryError>): void => {
    if (!result.ok) throw result.error;
  };
  if (options.builtinScales ?? true) for (const scale of builtinScales) orThrow(registry.registerScale(scale));
  for (const scale of options.scales ?? []) orThrow(registry.registerScale(scale));
  for (const framework of options.frameworks ?? []) orThrow(registry.registerFramework(framework));
  for (const plugin of options.plugins ?? []) orThrow(registry.use(plugin));
  return registry;
}
