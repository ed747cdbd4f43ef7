/**
 * The tables' calculated columns, which exceljs cannot write: each planned column formula goes into
 * its table part as `<calculatedColumnFormula>` (CT_TableColumn), so Excel, our row appends
 * (tableAppend) and LibreOffice give every new row the formula — also in an empty register, whose
 * one blank row holds none to copy. Only the table parts are rewritten; every other entry keeps
 * the bytes exceljs gave it.
 */
import type { PlannedTable } from '../../../core/plan/workbookPlan';
import { EditedPackage } from '../editing/editedPackage';
import { readStoredEntries } from '../editing/packageZip';
import { tableNamed } from '../editing/sheetTables';
import { child, children, escapeXml, replaceSpan, rootElement, startTag } from '../editing/xmlEdit';

function withFormulas(xml: string, formulas: readonly (string | undefined)[]): string {
  const columns = child(xml, rootElement(xml), 'tableColumns');
  if (!columns) return xml;
  const list = children(xml, columns, 'tableColumn');
  let out = xml;
  // From the last column backwards, so the spans found before stay valid.
  for (let i = Math.min(list.length, formulas.length) - 1; i >= 0; i--) {
    const formula = formulas[i];
    const column = list[i];
    if (formula === undefined || !column.empty) continue;
    const q = column.prefix ? `${column.prefix}:` : '';
    const open = startTag(out, column).replace(/\s*\/>$/, '>');
    out = replaceSpan(
      out,
      column.start,
      column.end,
      `${open}<${q}calculatedColumnFormula>${escapeXml(formula.replace(/^=/, ''))}</${q}calculatedColumnFormula></${column.name}>`,
    );
  }
  return out;
}

export function withCalculatedColumns(data: Uint8Array, tables: readonly PlannedTable[]): Uint8Array {
  const wanted = tables.filter((t) => t.columnFormulas?.some((f) => f !== undefined));
  if (wanted.length === 0) return data;
  const pkg = new EditedPackage(readStoredEntries(data));
  for (const table of wanted) {
    const found = tableNamed(pkg, table.name);
    if (!found) throw new Error(`the written workbook has no table ${table.name}`);
    pkg.write(found.table.part, withFormulas(found.table.part.text, table.columnFormulas!));
  }
  return pkg.save().data;
}
