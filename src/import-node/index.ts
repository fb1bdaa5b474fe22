/**
 * Node-only helpers of `leadkit/import`: reading a CSV file from disk as a stream. Kept out of `leadkit/import` so that
 * browsers and edge runtimes never meet `node:fs`.
 *
 * @example
 * ```ts
 * import { importCsvFile } from 'leadkit/import-node';
 * import { collectImport, hubspotContacts } from 'leadkit/import';
 *
 * const { leads, summary } = await collectImport(importCsvFile(hubspotContacts({ timeZone: 'Europe/Berlin' }), 'contacts.csv'));
 * ```
 *
 * @module
 */
export { importCsvFile, readCsvFile } from './read-csv-file.ts';
