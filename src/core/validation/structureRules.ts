/**
 * The workbook's structure: template sheets, register headers and columns, and the schema version.
 * When these are wrong, the row rules cannot see the rows, so these issues explain why.
 */
import { sheetDef } from '../content/content';
import { META_SHEET_NAME } from '../model/metaSheet';
import { SCHEMA_MIGRATIONS } from '../model/schemaMigrations';
import { REGISTER_KEYS, type SheetKey } from '../content/templateSchema';
import type { RuleContext } from './ruleContext';
import type { StructureFacts } from './validationInput';

function schemaRules(ctx: RuleContext, structure: StructureFacts, missing: Set<SheetKey>): void {
  if (missing.has('_meta')) return;
  const { schemaVersion: version, knownSchemaVersion: known } = structure;
  const add = (ruleId: string) => ctx.issues.add(ruleId, '_meta', META_SHEET_NAME, null, { version: version ?? '', known });
  if (version === null) add('structure.schema.missing');
  else if (version < known) add('structure.schema.older');
  else if (version > known) add('structure.schema.newer');
}

/** Sheets a version after the workbook's added: not missing but not yet there, as the older-version warning says. */
function sheetsOfLaterVersions(structure?: StructureFacts): Set<SheetKey> {
  const version = structure?.schemaVersion;
  if (version === null || version === undefined) return new Set();
  return new Set(SCHEMA_MIGRATIONS.filter((m) => m.from >= version).flatMap((m) => m.addSheets));
}

export function structureRules(ctx: RuleContext, structure?: StructureFacts): void {
  const lang = ctx.lang;
  const missing = new Set<SheetKey>(structure?.missingSheets ?? []);
  // Without the reader's account, a register with no sheet name was never found.
  for (const key of REGISTER_KEYS) if (!structure && ctx.data.registers[key].sheetName === '') missing.add(key);
  const notYet = sheetsOfLaterVersions(structure);
  for (const key of missing) {
    if (!notYet.has(key)) ctx.issues.add('structure.sheet.missing', key, sheetDef(key).name[lang], null, { sheet: sheetDef(key).name[lang] });
  }

  for (const key of REGISTER_KEYS) {
    const register = ctx.data.registers[key];
    if (missing.has(key)) continue;
    if (register.headerRow === 0) {
      ctx.issues.add('structure.header.notFound', key, register.sheetName, null, { sheet: register.sheetName });
      continue;
    }
    for (const column of register.missingColumns) {
      const ruleId = column.required || column.type === 'formula' ? 'structure.column.missing' : 'structure.column.optionalMissing';
      ctx.issues.add(ruleId, key, register.sheetName, null, { column: column.label[lang], sheet: register.sheetName });
    }
  }
  if (structure) schemaRules(ctx, structure, missing);
}
