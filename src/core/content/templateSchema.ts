/**
 * The schema of `templates/sheets.json`: which sheets a Samspill workbook has, by stable key, and
 * the columns of each register. Visible names and labels come from the chosen language.
 */
import { z } from 'zod';
import { localizedSchema, sourceSchema } from './contentSchema';

export const SHEET_KEYS = [
  'settings',
  'partners',
  'agreements',
  'agreement',
  'volunteers',
  'volunteerPapers',
  'hours',
  'checklist',
  'actions',
  'summary',
  '_meta',
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export const REGISTER_KEYS = ['partners', 'agreements', 'volunteers', 'hours', 'checklist', 'actions'] as const;
export type RegisterKey = (typeof REGISTER_KEYS)[number];

export const COLUMN_TYPES = ['text', 'date', 'number', 'integer', 'list', 'yesno', 'email', 'phone', 'orgnr', 'formula'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const keySchema = z.string().regex(/^[a-z][A-Za-z0-9]*$/);

export const columnSchema = z
  .object({
    key: keySchema,
    label: localizedSchema,
    /**
     * Headers earlier versions wrote (in any language): still recognised when a workbook made by
     * them is read, and kept in its formulas, so renaming a label never orphans a column.
     */
    formerLabels: z.array(z.string().trim().min(1)).optional(),
    help: localizedSchema,
    type: z.enum(COLUMN_TYPES),
    required: z.boolean(),
    /** The value list the column draws from: a list in templates/lists.json, or `partners` (the catalogue). */
    list: z.string().optional(),
    maxLength: z.number().int().positive().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    width: z.number().positive(),
    /** Personal data: left out of every copy meant for leaders. */
    personal: z.boolean().optional(),
    source: sourceSchema.optional(),
  })
  .strict()
  .superRefine((col, ctx) => {
    if (col.type === 'list' && !col.list) ctx.addIssue({ code: 'custom', message: `list column ${col.key} needs a list` });
  });

export const sheetSchema = z
  .object({
    key: z.enum(SHEET_KEYS),
    kind: z.enum(['settings', 'register', 'form', 'summary', 'meta']),
    name: localizedSchema,
    /** Excel table name for registers (must be a valid, language-specific identifier). */
    table: localizedSchema.optional(),
    columns: z.array(columnSchema).optional(),
  })
  .strict()
  .superRefine((sheet, ctx) => {
    if (sheet.kind === 'register' && (!sheet.table || !sheet.columns?.length)) {
      ctx.addIssue({ code: 'custom', message: `register ${sheet.key} needs a table and columns` });
    }
  });

export const sheetsFileSchema = z
  .object({
    schemaVersion: z.number().int().positive(),
    sheets: z.array(sheetSchema).length(SHEET_KEYS.length),
  })
  .strict();

export type ColumnDef = z.infer<typeof columnSchema>;

/** Every header a column is known by: its label in each language, then the labels it had before. */
export function headerLabels(column: Pick<ColumnDef, 'label' | 'formerLabels'>): string[] {
  return [...Object.values(column.label), ...(column.formerLabels ?? [])];
}
export type SheetDef = z.infer<typeof sheetSchema>;
export type SheetsFile = z.infer<typeof sheetsFileSchema>;
