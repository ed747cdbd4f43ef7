import { cellOf, cleanRecords, found, ofRule, validate, workbook } from './fixtures';

describe('partner rules', () => {
  const base = cleanRecords().partners[0];

  it('partners.name.duplicate: catches the same name in other case and spacing, at the later row', () => {
    const data = workbook({ partners: [base, { ...base, name: `  ${base.name!.toString().toUpperCase().replace(' ', '   ')} `, orgNumber: null }] });
    const issues = ofRule(validate(data), 'partners.name.duplicate');
    expect(issues.map((i) => i.cell)).toEqual([cellOf('partners', 'name', 3)]);
    expect(issues[0].message).toContain('2');
  });

  it('partners.name.duplicate: near miss, a similar but different name', () => {
    const data = workbook({ partners: [base, { ...base, name: `${base.name} avd. Sør`, orgNumber: null }] });
    expect(found(validate(data))).toEqual([]);
  });

  it('partners.orgNumber.duplicate: catches one number typed with and without spaces', () => {
    const data = workbook({ partners: [base, { ...base, name: 'Sanitetslaget Sør', orgNumber: '923 609 016' }] });
    expect(found(validate(data))).toEqual([`partners.orgNumber.duplicate@${cellOf('partners', 'orgNumber', 3)}`]);
  });

  it('partners.orgNumber.duplicate: near miss, blank numbers are not duplicates of each other', () => {
    const data = workbook({
      partners: [
        { ...base, orgNumber: null },
        { ...base, name: 'Nabohjelpa', orgNumber: null },
      ],
    });
    expect(found(validate(data))).toEqual([]);
  });
});
