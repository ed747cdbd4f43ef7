/**
 * Schemas for everything in `templates/`. Content is data; these schemas are the contract the data
 * must keep, checked when it is loaded (see content.ts) and in tests.
 */
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);
export const localizedSchema = z.object({ nb: nonEmpty, nn: nonEmpty, en: nonEmpty }).strict();

/** "000_816c9c010d52404f.txt:3573" or a line range "…:796-900"; several separated by ", ". */
export const sourceSchema = z.string().regex(/^(0\d\d_[0-9a-f]{16}\.txt:\d+(-\d+)?)(, 0\d\d_[0-9a-f]{16}\.txt:\d+(-\d+)?)*$/, 'source must cite file:line');

/**
 * One citation with what it is cited for: a line range of a source document and a phrase copied
 * from one line inside it. The content tests look the phrase up in the range, so a citation that
 * drifts to the wrong lines fails instead of pointing quietly at something else.
 */
export const citationSchema = z
  .object({
    lines: z.string().regex(/^0\d\d_[0-9a-f]{16}\.txt:\d+(-\d+)?$/, 'lines must cite file:line or file:first-last'),
    phrase: nonEmpty,
  })
  .strict();
export const citationsSchema = z.array(citationSchema).min(1);

const keySchema = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'keys are camelCase');

export const listItemSchema = z
  .object({
    key: keySchema,
    label: localizedSchema,
    source: citationsSchema.optional(),
    /**
     * "sources": the item is defined by the source documents; "samspill": Samspill's own choice
     * (its citations, if any, support it without defining it), e.g. an age band's limits.
     */
    basis: z.enum(['sources', 'samspill']).optional(),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .strict();

export const valueListSchema = z
  .object({
    key: keySchema,
    title: localizedSchema,
    /** Editable lists live on the settings sheet and the municipality may change them. */
    editable: z.boolean(),
    source: citationsSchema.optional(),
    items: z.array(listItemSchema).min(1),
  })
  .strict();

export const listsFileSchema = z.object({ lists: z.array(valueListSchema).min(1) }).strict();

export const INSTRUMENT_TYPES = ['economic', 'legal', 'organisational', 'physical', 'information', 'training'] as const;
export const FACTOR_KEYS = [
  'economy',
  'organisation',
  'professionalism',
  'recruitment',
  'communication',
  'personDependence',
  'careSpecific',
  'districtSpecific',
] as const;

export const checklistFileSchema = z
  .object({
    factors: z.array(z.object({ key: z.enum(FACTOR_KEYS), label: localizedSchema, source: citationsSchema }).strict()).length(FACTOR_KEYS.length),
    instruments: z
      .array(
        z
          .object({
            key: keySchema,
            type: z.enum(INSTRUMENT_TYPES),
            label: localizedSchema,
            /** Labels earlier versions wrote: an action naming one is still the same action. */
            formerLabels: z.array(nonEmpty).optional(),
            description: localizedSchema,
            source: citationsSchema,
            /**
             * "samspill": the report describes the barrier, and this remedy is Samspill's own; the
             * citations then say where the barrier (or the nearest example) is described.
             */
            basis: z.literal('samspill').optional(),
          })
          .strict(),
      )
      .min(1),
    statements: z
      .array(
        z
          .object({
            key: keySchema,
            factor: z.enum(FACTOR_KEYS),
            kind: z.enum(['promoter', 'barrier']),
            text: localizedSchema,
            source: citationsSchema,
            /**
             * "literature": the report takes this barrier from earlier studies and its own
             * interviews hardly named it, so each municipality treats it as a hypothesis to check.
             */
            basis: z.literal('literature').optional(),
            /** Suggested by Samspill from the report (the report itself does not map barriers to instruments). */
            instruments: z.array(keySchema),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** A flat dictionary of user-facing strings: key → text in each language. */
export const stringsFileSchema = z.record(z.string().regex(/^[a-z][A-Za-z0-9_.]*$/), localizedSchema);

export type Citation = z.infer<typeof citationSchema>;
export type ValueList = z.infer<typeof valueListSchema>;
export type ListItem = z.infer<typeof listItemSchema>;
export type ChecklistContent = z.infer<typeof checklistFileSchema>;
export type FactorKey = (typeof FACTOR_KEYS)[number];
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];
export type Strings = z.infer<typeof stringsFileSchema>;
