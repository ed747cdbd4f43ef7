/**
 * A copy of a workbook carrying `xl/calcChain.xml` as Excel writes one when it saves: every formula
 * cell of every worksheet, sheet by sheet, `i` (the sheet id) written where the sheet changes, with
 * its relationship from the workbook and its content type. Our writers never make one, Excel always
 * does, so the edits must be tested on such a copy: an entry left pointing at a cell that no longer
 * holds a formula makes Excel report "Removed Records: Formula from /xl/calcChain.xml part".
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readPackageParts } from './packageParts';
import { attr, kid, kids } from './xmlTree';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT_CALC_CHAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml';

export function withExcelCalcChain(data: Uint8Array): Uint8Array {
  const parts = readPackageParts(data);
  // A workbook Excel saved already has its chain.
  if (parts.names.some((n) => /^xl\/calcChain\.xml$/i.test(n))) return data;
  const workbook = parts.xml('xl/workbook.xml');
  const rels = parts.xml('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new Error('withExcelCalcChain: no xl/workbook.xml or its relationships');
  const entries: string[] = [];
  for (const sheet of kids(kid(workbook, 'sheets'), 'sheet')) {
    const rel = kids(rels, 'Relationship').find((r) => attr(r, 'Id') === attr(sheet, 'id'));
    const part = rel ? `xl/${(attr(rel, 'Target') ?? '').replace(/^\/?xl\//, '')}` : undefined;
    const root = part ? parts.xml(part) : undefined;
    if (!root || root.local !== 'worksheet') continue;
    let first = true;
    for (const row of kids(kid(root, 'sheetData'), 'row')) {
      for (const c of kids(row, 'c')) {
        if (!kid(c, 'f')) continue;
        entries.push(`<c r="${attr(c, 'r')}"${first ? ` i="${attr(sheet, 'sheetId')}"` : ''}/>`);
        first = false;
      }
    }
  }
  if (entries.length === 0) return data;
  const files = unzipSync(data);
  files['xl/calcChain.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${entries.join('')}</calcChain>`,
  );
  const relsText = strFromU8(files['xl/_rels/workbook.xml.rels']);
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    relsText.replace('</Relationships>', `<Relationship Id="rIdCalcChain" Type="${REL_NS}/calcChain" Target="calcChain.xml"/></Relationships>`),
  );
  const types = strFromU8(files['[Content_Types].xml']);
  files['[Content_Types].xml'] = strToU8(types.replace('</Types>', `<Override PartName="/xl/calcChain.xml" ContentType="${CT_CALC_CHAIN}"/></Types>`));
  return zipSync(files);
}
