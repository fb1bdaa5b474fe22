import { type CompiledMapping, compileMapping } from '../import/compile-mapping.ts';
import { parseMapping } from '../import/parse-mapping.ts';
import { hubspotContacts } from '../import/presets/hubspot.ts';
import { salesforceContacts, salesforceLeads } from '../import/presets/salesforce.ts';
import { currencyCodeList } from '../models/money.ts';
import { CliError, EXIT_USAGE } from './cli-error.ts';
import { readDefinition } from './read-definition.ts';

/** The presets `--preset` takes. */
export const PRESETS = ['hubspot', 'salesforce', 'salesforce-contacts'] as const;

/** Options that choose the mapping of an input file. */
export interface MappingOptions {
  readonly mapping?: string | undefined;
  readonly preset?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly currency?: string | undefined;
}

/** The compiled mapping `--mapping` or `--preset` names, or `undefined` when neither is given. */
export function resolveMapping(cwd: string, options: MappingOptions): CompiledMapping | undefined {
  if (options.mapping !== undefined && options.preset !== undefined) throw new CliError('give either --mapping or --preset, not both', EXIT_USAGE);
  if (options.mapping !== undefined) {
    const mapping = readDefinition(cwd, options.mapping, '--mapping', 'import mapping', (input) => parseMapping(input));
    return compileMapping(mapping);
  }
  if (options.preset === undefined) return undefined;
  const presetOptions = { timeZone: options.timeZone ?? 'UTC', currency: options.currency ?? 'USD' };
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: presetOptions.timeZone });
  } catch {
    throw new CliError(
      `--time-zone ${JSON.stringify(presetOptions.timeZone)}: not an IANA time zone: write it as America/New_York, Europe/Berlin or UTC`,
      EXIT_USAGE,
    );
  }
  if (!currencyCodeList.includes(presetOptions.currency.toUpperCase()))
    throw new CliError(`--currency ${JSON.stringify(presetOptions.currency)}: not an ISO 4217 currency code: write it as USD, EUR, GBP…`, EXIT_USAGE);
  let mapping: ReturnType<typeof hubspotContacts>;
  try {
    if (options.preset === 'hubspot') mapping = hubspotContacts(presetOptions);
    else if (options.preset === 'salesforce') mapping = salesforceLeads(presetOptions);
    else if (options.preset === 'salesforce-contacts') mapping = salesforceContacts(presetOptions);
    else throw new CliError(`--preset ${JSON.stringify(options.preset)}: unknown preset: use one of ${PRESETS.join(', ')}`, EXIT_USAGE);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`--preset ${options.preset}: ${(error as Error).message.split('\n').join(' ')}`, EXIT_USAGE);
  }
  return compileMapping(mapping);
}
