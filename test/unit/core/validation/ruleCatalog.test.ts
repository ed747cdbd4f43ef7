import rulesJson from '../../../../templates/ui/rules.json';
import { stringsFileSchema } from '../../../../src/core/content/contentSchema';
import { LANGUAGES } from '../../../../src/core/content/language';
import { SHEET_KEYS } from '../../../../src/core/content/templateSchema';
import { SEVERITIES } from '../../../../src/core/validation/issue';
import { ruleMessages } from '../../../../src/core/validation/messages';
import { ruleCatalog, ruleDef } from '../../../../src/core/validation/ruleCatalog';
import { SKIP_RULES } from '../../../../src/core/import/importRows';

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

describe('rule catalogue', () => {
  const rules = ruleCatalog();

  it('gives every rule a unique, well-formed id, a severity, and says what it checks and why', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z_][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/);
      expect(SEVERITIES).toContain(r.severity);
      if (r.sheetKey !== null) expect(SHEET_KEYS).toContain(r.sheetKey);
      expect(r.checks.length).toBeGreaterThan(10);
      expect(r.why.length).toBeGreaterThan(10);
    }
  });

  it('names only existing rules as what makes an import skip a row', () => {
    // Rules get renamed (the police certificate's, with the legal basis): a stale id here would let a wrong row through.
    for (const id of SKIP_RULES) expect(rules.find((r) => r.id === id)?.id).toBe(id);
  });

  it('has at least the rules the issue names', () => {
    const required = [
      'volunteers.phone.invalid',
      'volunteers.email.invalid',
      'partners.orgNumber.checkDigit',
      'partners.name.duplicate',
      'agreements.end.beforeStart',
      'agreements.end.passed',
      'agreements.end.soon',
      'agreements.nextReview.soon',
      'agreements.nextReview.overdue',
      'agreements.signedDate.missing',
      'agreements.partner.notInCatalogue',
      'agreements.unit.notInList',
      'agreements.requirements.confidentiality',
      'agreements.requirements.policeCertificate',
      'volunteers.name.duplicate',
      'volunteers.consentDate.missing',
      'volunteers.confidentialityDate.missing',
      'volunteers.policeCertificate.missingForBasis',
      'volunteers.policeBasis.suggested',
      'volunteers.policeCertificate.tooOld',
      'agreements.policeBasis.missing',
      'agreements.paymentKind.missing',
      'volunteers.policeCertificate.missingForAgreement',
      'volunteers.retention.expired',
      'volunteers.end.beforeStart',
      'hours.volunteerId.unknown',
      'hours.date.future',
      'hours.date.beforeStart',
      'hours.date.afterEnd',
      'hours.hours.notPositive',
      'hours.hours.over24',
      'hours.activity.notInList',
      'hours.unit.notInList',
      'hours.partner.notInCatalogue',
      'checklist.rating.missing',
      'checklist.instrument.missing',
      'checklist.responsible.missing',
      'checklist.deadline.missing',
      'privacy.fodselsnummer.found',
      'structure.sheet.missing',
      'structure.column.missing',
      'structure.schema.older',
      'structure.schema.newer',
      'hours.date.dateAsText',
      'hours.hours.notNumber',
      'hours.volunteerCount.notWhole',
      'partners.notes.tooLong',
      'agreements.start.required',
    ];
    for (const id of required) expect(ruleDef(id).id).toBe(id);
  });

  it('never checks formula columns as input', () => {
    expect(rules.filter((r) => /^volunteers\.(policeCertificateRequired|hoursLast12Months)\./.test(r.id))).toEqual([]);
  });

  it('knows no rule it was not given', () => {
    expect(() => ruleDef('volunteers.phone.typo')).toThrow(RangeError);
  });
});

describe('rule messages (templates/ui/rules.json)', () => {
  it('match the strings schema', () => {
    expect(stringsFileSchema.safeParse(rulesJson).success).toBe(true);
  });

  it('exist in nb, nn and en for every rule in the catalogue', () => {
    const messages = ruleMessages();
    for (const r of ruleCatalog()) {
      for (const lang of LANGUAGES) expect({ rule: r.id, lang, text: messages[r.message]?.[lang]?.trim() || null }).toMatchObject({ text: expect.any(String) });
    }
  });

  it('use the same placeholders in every language', () => {
    for (const [key, text] of Object.entries(ruleMessages())) {
      const nb = placeholders(text.nb);
      expect({ key, nn: placeholders(text.nn) }).toEqual({ key, nn: nb });
      expect({ key, en: placeholders(text.en) }).toEqual({ key, en: nb });
    }
  });

  it('hold no message that no rule uses', () => {
    const used = new Set<string>(ruleCatalog().map((r) => r.message));
    expect(Object.keys(ruleMessages()).filter((k) => !used.has(k))).toEqual([]);
  });
});
