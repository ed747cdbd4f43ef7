/**
 * The schema of `templates/legal.json`: every legal statement Samspill makes, with the law and
 * paragraph (or the guidance) it rests on, where it was checked, how firmly, and when. A later
 * change of law is an edit of this file; a test fails when a template names a law or paragraph
 * that is not here.
 */
import { z } from 'zod';
import { localizedSchema } from './contentSchema';

export const VERIFICATION_LEVELS = ['V1', 'V2', 'V3', 'NV', 'practice'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

/** "§ 5-4", "§ 20 a", "art. 13", "kapittel 7". */
export const PARAGRAPH_PATTERN = /^(§ \d+(-\d+)?( [a-z])?|art\. \d+|kapittel \d+)$/;

const url = z.string().url();

export const lawSchema = z
  .object({
    key: z.string().regex(/^[a-z]+$/),
    name: localizedSchema,
    /** Every way the templates may write the law's name (nb, nn, en, abbreviations). */
    aliases: z.array(z.string().min(2)).min(1),
    lovId: z
      .string()
      .regex(/^LOV-\d{4}-\d{2}-\d{2}-\d+$/)
      .nullable(),
  })
  .strict();

export const legalStatementSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** The law and paragraphs the statement rests on; empty for guidance or practice. */
    refs: z.array(z.object({ law: z.string(), paragraphs: z.array(z.string().regex(PARAGRAPH_PATTERN)) }).strict()),
    /** The guidance or practice the statement rests on, when it is not a law. */
    guidance: z.string().min(3).optional(),
    statement: localizedSchema,
    sourceUrl: url.nullable(),
    otherUrls: z.array(url),
    level: z.enum(VERIFICATION_LEVELS),
    verified: z.enum(['yes', 'partly', 'no']),
    checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** The paragraph numbers may change with a new act passed but not yet known to be in force. */
    checkCurrentLaw: z.boolean().optional(),
    /** What could not be verified, or why the wording is cautious. */
    note: localizedSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.verified !== 'yes' && !s.note) ctx.addIssue({ code: 'custom', message: `${s.id}: a statement not fully verified needs a note saying what was not` });
    if (s.refs.length === 0 && !s.guidance) ctx.addIssue({ code: 'custom', message: `${s.id}: a statement rests on a law or on guidance` });
    if (s.level !== 'NV' && s.level !== 'practice' && !s.sourceUrl) ctx.addIssue({ code: 'custom', message: `${s.id}: a verified statement needs its source` });
  });

export const legalFileSchema = z
  .object({ laws: z.array(lawSchema).min(1), statements: z.array(legalStatementSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const laws = new Set(file.laws.map((l) => l.key));
    const ids = new Set<string>();
    for (const s of file.statements) {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate statement ${s.id}` });
      ids.add(s.id);
      for (const ref of s.refs) if (!laws.has(ref.law)) ctx.addIssue({ code: 'custom', message: `${s.id}: unknown law ${ref.law}` });
    }
  });

export type LegalContent = z.infer<typeof legalFileSchema>;
export type LegalStatement = z.infer<typeof legalStatementSchema>;
export type Law = z.infer<typeof lawSchema>;
