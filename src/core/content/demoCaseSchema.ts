/**
 * The schema of `templates/demoCases.json`: the seven municipalities of the report's case studies
 * as profiles the demo workbook is built from. Every fact carries the lines it rests on; a number
 * the sources do not give is marked `"basis": "samspill"` (an estimate), one they give `"sources"`.
 */
import { z } from 'zod';
import { citationsSchema, localizedSchema } from './contentSchema';

/** The report's seven cases (000_816c9c010d52404f.txt:1673-2371), in the report's order. */
export const CASE_KEYS = ['alta', 'kristiansund', 'levanger', 'nissedal', 'strand', 'tromso', 'vefsn'] as const;
export type CaseKey = (typeof CASE_KEYS)[number];

const keySchema = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'keys are camelCase');
const basisSchema = z.enum(['sources', 'samspill']);

const partnerSchema = z
  .object({
    key: keySchema,
    name: z.string().trim().min(1),
    /** A key of the partnerTypes list. */
    type: keySchema,
    /** Part of the municipality itself (Alta's centre): no organisation number, nothing to sign with. */
    municipal: z.boolean().optional(),
    source: citationsSchema,
  })
  .strict();

const agreementSchema = z
  .object({
    partner: keySchema,
    /** Keys of the units, activityTypes, userGroups and cooperationForms lists. */
    unit: keySchema,
    measure: keySchema,
    userGroup: keySchema,
    form: keySchema,
    grantPerYear: z.number().int().nonnegative(),
    paymentPerActivity: z.number().int().positive().nullable(),
    requiresPoliceCertificate: z.boolean(),
    /** Whether the amounts come from the sources or are Samspill's estimate. */
    basis: basisSchema,
    note: localizedSchema.optional(),
    source: citationsSchema,
  })
  .strict();

const activitySchema = z
  .object({
    activity: keySchema,
    unit: keySchema,
    /** The partner the volunteers come through; null for volunteers who come on their own. */
    partner: keySchema.nullable(),
    /** A key of the affiliationForms list. */
    affiliation: keySchema,
    volunteers: z.number().int().positive(),
    basis: basisSchema,
    sessionsPerYear: z.number().positive(),
    hoursPerSession: z.number().positive(),
    usersPerSession: z.number().int().positive(),
    /** All volunteers of this activity in one age group (a school's pupils); else the case's mix. */
    ageGroup: keySchema.optional(),
    training: keySchema.optional(),
    userGroup: keySchema.optional(),
    source: citationsSchema,
  })
  .strict();

/** An activity logged once for a group (a school band's concert), without a volunteer id. */
const groupEntrySchema = z
  .object({
    activity: keySchema,
    unit: keySchema,
    partner: keySchema.nullable(),
    perYear: z.number().int().positive(),
    volunteers: z.number().int().positive(),
    /** Hours each volunteer gives per entry. */
    hours: z.number().positive(),
    users: z.number().int().positive(),
    source: citationsSchema,
  })
  .strict();

export const demoCaseSchema = z
  .object({
    key: z.enum(CASE_KEYS),
    municipality: z.string().trim().min(1),
    inhabitants: z.number().int().positive(),
    description: localizedSchema,
    source: citationsSchema,
    /** Present when the report says the municipality has no formal agreements: no form that is signed. */
    noFormalAgreements: citationsSchema.optional(),
    /** Present when the report says the municipality uses no economic instruments: no grant, no payment. */
    noEconomicInstruments: citationsSchema.optional(),
    /** Per cent of the volunteers in each age group (Samspill's estimate from the cited facts). */
    ages: z.record(keySchema, z.number().nonnegative()),
    agesSource: citationsSchema,
    partners: z.array(partnerSchema).min(1),
    agreements: z.array(agreementSchema).min(1),
    activities: z.array(activitySchema).min(1),
    groupEntries: z.array(groupEntrySchema),
  })
  .strict()
  .superRefine((c, ctx) => {
    const partners = new Set(c.partners.map((p) => p.key));
    const refs = [...c.agreements.map((a) => a.partner), ...c.activities.map((a) => a.partner), ...c.groupEntries.map((g) => g.partner)];
    for (const ref of refs) if (ref !== null && !partners.has(ref)) ctx.addIssue({ code: 'custom', message: `${c.key}: unknown partner ${ref}` });
    const total = Object.values(c.ages).reduce((a, b) => a + b, 0);
    if (Math.abs(total - 100) > 1e-9) ctx.addIssue({ code: 'custom', message: `${c.key}: ages add up to ${total}, not 100` });
  });

export const demoCasesFileSchema = z
  .object({ cases: z.array(demoCaseSchema).length(CASE_KEYS.length) })
  .strict()
  .superRefine((file, ctx) => {
    const keys = file.cases.map((c) => c.key);
    if (keys.join() !== CASE_KEYS.join()) ctx.addIssue({ code: 'custom', message: `cases must be ${CASE_KEYS.join(', ')} in that order` });
  });

export type DemoCase = z.infer<typeof demoCaseSchema>;
export type DemoCasePartner = z.infer<typeof partnerSchema>;
export type DemoCaseAgreement = z.infer<typeof agreementSchema>;
export type DemoCaseActivity = z.infer<typeof activitySchema>;
