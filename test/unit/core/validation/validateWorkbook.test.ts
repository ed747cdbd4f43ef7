import { itemLabel, sheetDef } from '../../../../src/core/content/content';
import { LANGUAGES } from '../../../../src/core/content/language';
import { BENCHMARK_TODAY, benchmarkWorkbook } from '../../../support/benchmarkWorkbook';
import { countIssues, validateWorkbook } from '../../../../src/core/validation/validateWorkbook';
import { cellOf, cleanRecords, found, labels, ofRule, TODAY, validate, withFirst, workbook } from './fixtures';

describe('validateWorkbook', () => {
  it.each(LANGUAGES)('finds nothing in a clean workbook (%s)', (lang) => {
    expect(found(validate(workbook(cleanRecords(lang), { lang })))).toEqual([]);
  });

  it('reports the cell where the user moved the column, not where the template put it', () => {
    const consent = { personalDataBasis: itemLabel('personalDataBases', 'consent', 'nb') };
    const data = workbook({ volunteers: [{ ...cleanRecords().volunteers[0], phone: '123', consentDate: null }] }, { settings: consent });
    const columns = sheetDef('volunteers').columns!;
    // The user reversed the column order and inserted two columns of their own in front.
    data.registers.volunteers.columns = new Map(columns.map((c, i) => [c.key, columns.length - i + 2]));
    data.registers.volunteers.rows[0].rowNumber = 7;
    const at = (key: string) => {
      const n = columns.length - columns.findIndex((c) => c.key === key) + 2;
      return `${String.fromCharCode(64 + n)}7`;
    };
    expect(found(validate(data))).toEqual([`volunteers.consentDate.missing@${at('consentDate')}`, `volunteers.phone.invalid@${at('phone')}`]);
  });

  it('sorts by sheet order, then row, then column', () => {
    const clean = cleanRecords();
    const l = labels();
    const data = workbook({
      hours: [
        { ...clean.hours[0], hours: 0 },
        { ...clean.hours[0], date: TODAY + 5, volunteerId: 'X' },
      ],
      volunteers: [{ ...clean.volunteers[0], email: 'x@', phone: '1' }],
      partners: [{ ...clean.partners[0], orgNumber: '923609017' }],
      agreements: [{ ...clean.agreements[0], signedDate: null, status: l.agreementActive }],
    });
    expect(found(validate(data))).toEqual([
      `partners.orgNumber.checkDigit@${cellOf('partners', 'orgNumber')}`,
      `agreements.signedDate.missing@${cellOf('agreements', 'signedDate')}`,
      `volunteers.phone.invalid@${cellOf('volunteers', 'phone')}`,
      `volunteers.email.invalid@${cellOf('volunteers', 'email')}`,
      `hours.hours.notPositive@${cellOf('hours', 'hours')}`,
      `hours.date.future@${cellOf('hours', 'date', 3)}`,
      `hours.volunteerId.unknown@${cellOf('hours', 'volunteerId', 3)}`,
    ]);
  });

  it.each(LANGUAGES)('writes messages in the workbook language (%s), with placeholders filled', (lang) => {
    const [issue] = ofRule(validate(withFirst('volunteers', { phone: '123' }, { lang }), {}), 'volunteers.phone.invalid');
    const label = sheetDef('volunteers').columns!.find((c) => c.key === 'phone')!.label[lang];
    expect(issue.message).toContain(label);
    expect(issue.message).toContain('123');
    expect(issue.message).not.toMatch(/\{\w+\}/);
    expect(issue.sheet).toBe(sheetDef('volunteers').name[lang]);
  });

  it('formats dates in messages the way the language writes them', () => {
    const nb = ofRule(validate(withFirst('hours', { date: TODAY + 1 })), 'hours.date.future')[0].message;
    const en = ofRule(validate(withFirst('hours', { date: TODAY + 1 }, { lang: 'en' })), 'hours.date.future')[0].message;
    expect(nb).toContain('16.06.2025');
    expect(en).toContain('2025-06-16');
  });

  it('counts issues by severity', () => {
    const issues = validate(withFirst('agreements', { signedDate: null, nextReview: null, start: 'i fjor' }));
    expect(countIssues(issues)).toEqual({ error: 1, warning: 1, info: 1 });
  });

  it('finds exactly the problems planted in the benchmark workbook', () => {
    const issues = validateWorkbook({ data: benchmarkWorkbook(5000, { volunteers: 300 }), today: BENCHMARK_TODAY });
    const rows = [0, 1000, 2000, 3000, 4000].map((i) => i + 2);
    expect(found(issues)).toEqual(
      rows.flatMap((r) => [`hours.volunteerId.unknown@${cellOf('hours', 'volunteerId', r)}`, `hours.hours.notPositive@${cellOf('hours', 'hours', r)}`]),
    );
  });
});
