/**
 * The schema of a printable document's template (templates/agreement.json, templates/volunteerPapers.json):
 * clauses of sentences with {placeholders}. A sentence is printed only when every field it names has a
 * value and its condition holds, so an empty amount is left out rather than printed as "0 kroner".
 */
import { z } from 'zod';
import { localizedSchema } from '../content/contentSchema';

const keySchema = z.string().regex(/^[a-z][A-Za-z0-9]*$/);

/** A condition on a field holding a list label: true when the label is one of the list items named. */
export const conditionSchema = z.object({ field: keySchema, is: z.array(keySchema).min(1).optional(), blank: z.boolean().optional() }).strict();

export const sentenceSchema = z
  .object({
    text: localizedSchema,
    /** All must hold. */
    when: z.array(conditionSchema).optional(),
    /** The legal statements (templates/legal.json ids) the sentence makes. */
    legal: z.array(z.string()).optional(),
  })
  .strict();

export const clauseSchema = z
  .object({
    key: keySchema,
    title: localizedSchema,
    sentences: z.array(sentenceSchema).min(1),
    /** A clause that states practice, not law, says so in its title. */
    practice: z.boolean().optional(),
    source: z.string().optional(),
  })
  .strict();

export const signatureSchema = z.object({ party: keySchema, label: localizedSchema, name: keySchema.optional(), role: keySchema.optional() }).strict();

export const documentTemplateSchema = z
  .object({
    key: keySchema,
    title: localizedSchema,
    clauses: z.array(clauseSchema).min(1),
    signatures: z.array(signatureSchema),
  })
  .strict();

export const documentsFileSchema = z.object({ documents: z.array(documentTemplateSchema).min(1) }).strict();

export type Condition = z.infer<typeof conditionSchema>;
export type SentenceTemplate = z.infer<typeof sentenceSchema>;
export type ClauseTemplate = z.infer<typeof clauseSchema>;
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;
export type SignatureTemplate = z.infer<typeof signatureSchema>;
