/** One CSV line (RFC 4180, `\n` line end): text quoted when it holds a separator, a quote or a line break, and text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) escaped with a leading `'`. Numbers and booleans as they are. */
export function csvLine(cells: readonly (string | number | boolean)[]): string {
  let line = '';
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    if (index > 0) line += ',';
    if (typeof cell !== 'string') {
      line += String(cell);
      continue;
    }
    const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
    line += /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }
  return `${line}\n`;
}
