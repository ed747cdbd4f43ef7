/**
 * The demo, one municipality at a time: each of the report's seven cases gives a workbook whose
 * figures follow its profile in templates/demoCases.json — its size, its partners, its forms of
 * cooperation (no formal agreements in Levanger, no grant or payment in Strand), agreements that
 * are signed only with partners that can sign, activities at the units they belong to, ages as
 * pensioner-heavy as the sources say — and whose planted problems validation finds, and nothing
 * else. The profiles' facts are checked against the seed lines in contentData.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { content, itemLabel, valueList } from '../../../../src/core/content/content';
import { CASE_KEYS } from '../../../../src/core/content/demoCaseSchema';
import { LANGUAGES } from '../../../../src/core/content/language';
import { caseForSeed, demoCases } from '../../../../src/core/demo/demoCases';
import { demoWorkbook } from '../../../../src/core/demo/demoWorkbook';
import { canSign, isSignedForm } from '../../../../src/core/demo/demoRegisters';
import { addMonths, isoToSerial } from '../../../../src/core/model/dates';
import { workbookData } from '../../../../src/core/plan/buildWorkbookPlan';
import { effectiveReportDate, figureValues, summarySections } from '../../../../src/core/summary/summaryFigures';
import { validateWorkbook } from '../../../../src/core/validation/validateWorkbook';
import { cellAddress } from '../../../../src/core/model/a1';
import { sheetDef } from '../../../../src/core/content/content';
import { SCHEMA_MIGRATIONS } from '../../../../src/core/model/schemaMigrations';
import { policeRequirement } from '../../../../src/core/model/legalBasis';

const TODAY = isoToSerial('2026-11-23');
const lang = 'nb';
const L = (list: string, key: string) => itemLabel(list, key, lang);

describe('the case profiles', () => {
  test('name only list items that exist, in every part of every profile', () => {
    const has = (list: string, key: string) => valueList(list).items.some((i) => i.key === key);
    const problems: string[] = [];
    const need = (caseKey: string, list: string, key: string | undefined) => {
      if (key !== undefined && !has(list, key)) problems.push(`${caseKey}: ${list}/${key}`);
    };
    for (const c of demoCases()) {
      for (const p of c.partners) need(c.key, 'partnerTypes', p.type);
      for (const a of c.agreements) {
        need(c.key, 'units', a.unit);
        need(c.key, 'activityTypes', a.measure);
        need(c.key, 'userGroups', a.userGroup);
        need(c.key, 'cooperationForms', a.form);
      }
      for (const a of c.activities) {
        need(c.key, 'activityTypes', a.activity);
        need(c.key, 'units', a.unit);
        need(c.key, 'affiliationForms', a.affiliation);
        need(c.key, 'ageGroups', a.ageGroup);
        need(c.key, 'trainingTypes', a.training);
        need(c.key, 'userGroups', a.userGroup);
      }
      for (const g of c.groupEntries) {
        need(c.key, 'activityTypes', g.activity);
        need(c.key, 'units', g.unit);
      }
      for (const age of Object.keys(c.ages)) need(c.key, 'ageGroups', age);
    }
    expect(problems).toEqual([]);
  });

  test('sign agreements only with partners that can sign, and keep the facts the report states', () => {
    for (const c of demoCases()) {
      for (const a of c.agreements) {
        const partner = c.partners.find((p) => p.key === a.partner)!;
        if (isSignedForm(a.form)) expect([c.key, partner.key, canSign(partner)]).toEqual([c.key, partner.key, true]);
        // Money goes only to a legal entity: never a grant to a knitting group.
        if (a.grantPerYear > 0) expect([c.key, partner.key, canSign(partner)]).toEqual([c.key, partner.key, true]);
      }
      if (c.noFormalAgreements) expect(c.agreements.filter((a) => isSignedForm(a.form))).toEqual([]);
      if (c.noEconomicInstruments) expect(c.agreements.filter((a) => a.grantPerYear > 0 || a.paymentPerActivity !== null)).toEqual([]);
    }
    const byKey = new Map(demoCases().map((c) => [c.key, c]));
    expect(byKey.get('levanger')!.noFormalAgreements).toBeDefined();
    expect(byKey.get('strand')!.noEconomicInstruments).toBeDefined();
    // Vefsn's Termik: 55 active volunteers (000_816c9c010d52404f.txt:2290), a written agreement with a fixed grant.
    const vefsn = byKey.get('vefsn')!;
    expect(vefsn.activities.filter((a) => a.partner === 'termik' && a.ageGroup === undefined).reduce((n, a) => n + a.volunteers, 0)).toBe(55);
    expect(vefsn.agreements.find((a) => a.partner === 'termik')).toMatchObject({ form: 'writtenAgreement', grantPerYear: expect.any(Number) });
    // Kristiansund pays the Red Cross a fixed sum per meeting (1828-1829); Alta's centre belongs to the municipality (1676).
    expect(byKey.get('kristiansund')!.agreements.find((a) => a.partner === 'redCross')!.paymentPerActivity).toBeGreaterThan(0);
    expect(byKey.get('alta')!.partners.find((p) => p.type === 'frivilligsentral')!.municipal).toBe(true);
    // Tromsø: a coordinator at the nursing home; the residents' fund is no municipal grant.
    expect(byKey.get('tromso')!.agreements.every((a) => a.grantPerYear === 0)).toBe(true);
    // Nissedal: about 1,430 inhabitants and a handful of small grants.
    expect(byKey.get('nissedal')!.inhabitants).toBe(1430);
  });

  test('the seed picks the case when none is asked for: seed 1 is Kristiansund', () => {
    expect(caseForSeed(1)).toBe('kristiansund');
    expect(CASE_KEYS.map((_, i) => caseForSeed(i))).toEqual([...CASE_KEYS]);
  });
});

describe.each(CASE_KEYS)('the %s demo', (key) => {
  const demo = demoWorkbook({ lang, seed: 7, today: TODAY, case: key });
  const { profile } = demo;
  const r = demo.input.records;
  const data = workbookData(demo.input);
  const figures = figureValues(summarySections(data, effectiveReportDate(data, TODAY)));
  const inForce = r.agreements.filter((a) => a.status === L('agreementStatuses', 'active') && (a.end === null || (a.end as number) >= TODAY));

  it('is the municipality of the profile, with its partners and its size', () => {
    expect(demo.input.settings.municipality).toBe(profile.municipality);
    expect(r.partners.map((p) => p.name)).toEqual(profile.partners.map((p) => p.name));
    expect(r.volunteers).toHaveLength(profile.activities.reduce((n, a) => n + a.volunteers, 0));
    // At most the share of the population that volunteers in care at all (003_5b756f3ba21c4f06.txt:55-57, 62-64).
    expect(r.volunteers.length).toBeLessThanOrEqual(profile.inhabitants * 0.049);
    expect(figures.get('kpi_active_volunteers')).toBeGreaterThanOrEqual(r.volunteers.length * 0.7);
  });

  it('logs about the hours a year the profile gives, at the pace of each activity', () => {
    const perYear =
      profile.activities.reduce((n, a) => n + a.volunteers * a.sessionsPerYear * a.hoursPerSession, 0) +
      profile.groupEntries.reduce((n, g) => n + g.perYear * g.volunteers * g.hours, 0);
    const from = addMonths(TODAY, -12);
    const lastYear = r.hours.filter((h) => (h.date as number) > from && (h.date as number) <= TODAY).reduce((n, h) => n + (h.hours as number), 0);
    expect(lastYear).toBeGreaterThan(perYear * 0.7);
    expect(lastYear).toBeLessThan(perYear * 1.3);
  });

  it('has the forms of cooperation of the profile: signed only with partners that can sign, money only where the case has it', () => {
    const ownForms = profile.agreements.map((a) => L('cooperationForms', a.form)).sort();
    expect(inForce.map((a) => a.cooperationForm).sort()).toEqual(ownForms);
    const signedForms = new Set(['writtenAgreement', 'partnership'].map((f) => L('cooperationForms', f)));
    const signers = new Set(profile.partners.filter(canSign).map((p) => p.name));
    for (const a of r.agreements.filter((x) => signedForms.has(String(x.cooperationForm)))) expect([a.id, signers.has(String(a.partner))]).toEqual([a.id, true]);
    const grants = profile.agreements.reduce((n, a) => n + a.grantPerYear, 0);
    expect(inForce.reduce((n, a) => n + ((a.grantPerYear as number | null) ?? 0), 0)).toBe(grants);
    if (profile.noFormalAgreements) expect(r.agreements.filter((a) => signedForms.has(String(a.cooperationForm)))).toEqual([]);
    if (profile.noEconomicInstruments) {
      expect(r.agreements.filter((a) => a.grantPerYear !== null || a.paymentPerActivity !== null)).toEqual([]);
      expect(figures.get('kpi_grants_total') ?? 0).toBe(0);
    }
  });

  it('places every activity at the unit it belongs to', () => {
    const pairs = new Set([...profile.activities, ...profile.groupEntries].map((a) => `${L('activityTypes', a.activity)} @ ${L('units', a.unit)}`));
    for (const v of r.volunteers) expect([v.id, pairs.has(`${v.activity} @ ${v.unit}`)]).toEqual([v.id, true]);
    for (const h of r.hours) expect(pairs.has(`${h.activity} @ ${h.unit}`)).toBe(true);
  });

  it("has the ages of the case's mix, pensioner-heavy as the sources say", () => {
    const fixed = profile.activities.filter((a) => a.ageGroup).reduce((n, a) => n + a.volunteers, 0);
    const mixed = r.volunteers.length - fixed;
    const pensioners = r.volunteers.filter((v) => v.ageGroup === L('ageGroups', 'age67to79') || v.ageGroup === L('ageGroups', 'age80plus')).length;
    const expected = ((profile.ages.age67to79 + profile.ages.age80plus) * mixed) / 100;
    expect(Math.abs(pensioners - expected)).toBeLessThanOrEqual(2);
    expect(pensioners / r.volunteers.length).toBeGreaterThan(0.45);
  });

  it('registers informal helpers without the duties of an assignment', () => {
    const helpers = r.volunteers.filter((v) => v.affiliation === L('affiliationForms', 'informalHelper'));
    for (const h of helpers) expect([h.confidentialityDate, h.policeCertificateDate]).toEqual([null, null]);
    expect(demo.problems.filter((p) => p.sheetKey === 'volunteers' && helpers.includes(r.volunteers[p.index]) && p.rule !== 'volunteers.retention.expired')).toEqual([]);
  });

  it('has exactly its planted problems, found where they were planted', () => {
    const issues = validateWorkbook({ data, today: TODAY });
    const found = issues.map((i) => `${i.rule} ${i.sheetKey}!${i.cell}`).sort();
    const planted = demo.problems
      .map((p) => `${p.rule} ${p.sheetKey}!${cellAddress(p.index + 2, sheetDef(p.sheetKey).columns!.findIndex((c) => c.key === p.column) + 1)}`)
      .sort();
    expect(found).toEqual(planted);
    // Every case keeps the core of the planted set, whatever room it has.
    const rules = new Set(demo.problems.map((p) => p.rule));
    for (const rule of ['agreements.end.passed', 'agreements.end.beforeStart', 'volunteers.phone.invalid', 'privacy.fodselsnummer.found', 'hours.hours.over24', 'checklist.instrument.missing'])
      expect([key, rule, rules.has(rule)]).toEqual([key, rule, true]);
    expect(rules.has('agreements.signedDate.missing')).toBe(profile.agreements.some((a) => isSignedForm(a.form)));
  });

  it.each(LANGUAGES)('is the same case in %s', (other) => {
    const again = demoWorkbook({ lang: other, seed: 7, today: TODAY, case: key });
    expect(again.input.records.volunteers).toHaveLength(r.volunteers.length);
    expect(again.problems.map((p) => `${p.rule}@${p.index}`)).toEqual(demo.problems.map((p) => `${p.rule}@${p.index}`));
  });
});

describe("the legal basis in the seven demos (schema 3's columns)", () => {
  const demos = CASE_KEYS.map((key) => demoWorkbook({ lang, seed: 7, today: TODAY, case: key }));

  test('every column schema 3 added holds a value in some case', () => {
    const added = SCHEMA_MIGRATIONS.find((m) => m.to === 3)!.addColumns;
    const empty = added.filter(({ register, column }) => !demos.some((d) => d.input.records[register].some((r) => r[column] !== null && r[column] !== undefined)));
    expect(empty).toEqual([]);
  });

  test('signatories only on agreements that are signed, a payment per activity always said to be a grant or a purchase', () => {
    const signedForms = new Set(['writtenAgreement', 'partnership'].map((f) => L('cooperationForms', f)));
    for (const d of demos)
      for (const a of d.input.records.agreements) {
        expect([a.id, a.signerMunicipality !== null]).toEqual([a.id, signedForms.has(String(a.cooperationForm))]);
        if (a.paymentPerActivity !== null) expect([a.id, a.paymentKind]).toEqual([a.id, L('paymentKinds', 'grant')]);
      }
  });

  test('a certificate is recorded as shown, with its issue date and to whom, exactly where the basis requires one', () => {
    for (const d of demos) {
      const data = workbookData(d.input);
      const planted = new Set(d.problems.filter((p) => p.sheetKey === 'volunteers').map((p) => p.index));
      data.registers.volunteers.rows.forEach((row, i) => {
        if (planted.has(i)) return;
        const required = policeRequirement(data, row, TODAY).required;
        const shown = row.values.policeCertificateDate !== null;
        expect([d.profile.key, row.values.id, shown]).toEqual([d.profile.key, row.values.id, required]);
        if (shown) expect([row.values.policeCertificateIssued !== null, row.values.policeCertificateShownBy !== null]).toEqual([true, true]);
      });
    }
  });

  test("each case plants a certificate missing for the assignment's basis and one too old when shown", () => {
    for (const d of demos) {
      const rules = d.problems.map((p) => p.rule);
      expect([d.profile.key, rules.filter((r) => r === 'volunteers.policeCertificate.missingForBasis').length]).toEqual([d.profile.key, 1]);
      expect([d.profile.key, rules.filter((r) => r === 'volunteers.policeCertificate.tooOld').length]).toEqual([d.profile.key, 1]);
    }
  });
});

test('a size can still be asked for, each activity scaled alike', () => {
  const demo = demoWorkbook({ lang, seed: 3, today: TODAY, case: 'vefsn', volunteers: 120 });
  expect(Math.abs(demo.input.records.volunteers.length - 120)).toBeLessThanOrEqual(demo.profile.activities.length);
  expect(content().checklist.statements.length).toBeGreaterThan(70);
});

test('docs/demo.md gives each case the partners and volunteers its profile has', () => {
  const doc = readFileSync(join(__dirname, '../../../../docs/demo.md'), 'utf8');
  for (const c of demoCases()) {
    const row = doc.split('\n').find((line) => line.startsWith(`| ${c.municipality} |`));
    expect([c.key, row !== undefined]).toEqual([c.key, true]);
    const cells = row!.split('|').map((x) => x.trim());
    expect([c.key, Number(cells[3]), Number(cells[4])]).toEqual([c.key, c.partners.length, c.activities.reduce((n, a) => n + a.volunteers, 0)]);
  }
  expect(doc).toMatch(/default seed 1 gives\s+\*\*Kristiansund\*\*/);
});
