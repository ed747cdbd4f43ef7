/**
 * Excel structured references, written so that both Excel and LibreOffice compute them:
 * `Table[Column]` and `Table[[#This Row],[Column]]` (never the `[@Column]` shorthand, which
 * exceljs writes verbatim and LibreOffice does not read).
 */

/** Inside a column specifier, [ ] # and ' must be escaped with a leading apostrophe. */
function escapeColumn(header: string): string {
  return header.replace(/['[\]#]/g, (ch) => `'${ch}`);
}

export function columnRef(table: string, header: string): string {
  return `${table}[${escapeColumn(header)}]`;
}

export function thisRowRef(table: string, header: string): string {
  return `${table}[[#This Row],[${escapeColumn(header)}]]`;
}

/** A text literal inside a formula: quotes doubled. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
