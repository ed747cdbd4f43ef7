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

/** ~ * ? escaped with a ~, so COUNTIFS, SUMIFS and MATCH read them as themselves, not as wildcards. */
export function escapeWildcards(text: string): string {
  return text.replace(/[~*?]/g, (ch) => `~${ch}`);
}

/**
 * A COUNTIFS/SUMIFS criterion matching exactly this text (case ignored): "=" in front, so that a
 * text starting with < > or = is not read as a comparison, and wildcards escaped.
 */
export function criterionLiteral(text: string): string {
  return textLiteral(`=${escapeWildcards(text)}`);
}

/** A COUNTIFS/SUMIFS criterion matching every cell but those holding exactly this text (case ignored): blank cells too. */
export function criterionNot(text: string): string {
  return textLiteral(`<>${escapeWildcards(text)}`);
}

/** The same for a text the formula computes (a cell, a label, a column inside SUMPRODUCT). */
export function criterionOf(expression: string): string {
  return `"="&${escapedText(expression)}`;
}

/** A text the formula computes with its wildcards escaped: a MATCH lookup value that matches only itself. */
export function escapedText(expression: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${expression},"~","~~"),"*","~*"),"?","~?")`;
}
