import fc from 'fast-check';
import { isEmail, isNorwegianPhone, phoneKey } from '../../../../src/core/validation/contactFormats';

const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** Puts a space before some digits, as people group numbers ("912 34 567"). */
const spaced = (s: string, gaps: boolean[]) => [...s].map((ch, i) => (i > 0 && gaps[i % gaps.length] ? ` ${ch}` : ch)).join('');

describe('Norwegian phone numbers', () => {
  const prefix = fc.constantFrom('', '+47', '0047', '+47 ', '0047 ');
  const gaps = fc.array(fc.boolean(), { minLength: 1, maxLength: 8 });

  it('accepts eight digits after an optional +47 or 0047, with spaces anywhere between digits', () => {
    fc.assert(fc.property(prefix, digits(8, 8), gaps, (p, d, g) => isNorwegianPhone(p + spaced(d, g))));
    expect(isNorwegianPhone('+47 912 34 567')).toBe(true);
    expect(isNorwegianPhone(' 22 33 44 55 ')).toBe(true);
  });

  it('rejects any other count of digits', () => {
    // National part not starting with 0, so no prefix can be read into it; "0047" + four digits
    // is itself eight digits, and valid.
    const national = fc
      .integer({ min: 1, max: 12 })
      .filter((n) => n !== 8)
      .chain((n) => fc.tuple(fc.integer({ min: 1, max: 9 }), digits(n - 1, n - 1)).map(([first, rest]) => `${first}${rest}`));
    fc.assert(
      fc.property(fc.constantFrom('', '+47', '0047'), national, (p, d) => {
        fc.pre(!(p === '0047' && d.length === 4));
        expect(isNorwegianPhone(p + d)).toBe(false);
      }),
    );
    expect(isNorwegianPhone('9123456')).toBe(false);
    expect(isNorwegianPhone('+47 9123 45678')).toBe(false);
  });

  it('rejects other country codes, letters and separators other than spaces', () => {
    fc.assert(fc.property(digits(8, 8), (d) => !isNorwegianPhone(`+46${d}`) && !isNorwegianPhone(`+4${d}`)));
    expect(isNorwegianPhone('9123456a')).toBe(false);
    expect(isNorwegianPhone('912-34-567')).toBe(false);
    expect(isNorwegianPhone('47 91234567')).toBe(false);
    expect(isNorwegianPhone('')).toBe(false);
  });

  it('keys a number by its eight national digits however it was typed', () => {
    fc.assert(fc.property(prefix, digits(8, 8), gaps, (p, d, g) => phoneKey(p + spaced(d, g)) === d));
    expect(phoneKey('12345')).toBeNull();
  });
});

describe('email addresses', () => {
  const atom = fc.stringMatching(/^[a-z0-9_+-]{1,10}$/);
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
  const tld = fc.stringMatching(/^[a-z]{2,6}$/);
  const valid = fc
    .tuple(fc.array(atom, { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 1, maxLength: 3 }), tld)
    .map(([local, domain, top]) => `${local.join('.')}@${domain.join('.')}.${top}`);

  it('accepts name@domain.tld built from valid parts', () => {
    fc.assert(fc.property(valid, (e) => isEmail(e)));
    expect(isEmail('kari.nordmann@frivillig.no')).toBe(true);
    expect(isEmail('Ola.Hansen+lag@sanitet.kommune.no')).toBe(true);
  });

  it('rejects addresses broken in one place', () => {
    fc.assert(
      fc.property(valid, fc.constantFrom('noAt', 'twoAts', 'space', 'noDot', 'trailingDot', 'leadingDot', 'doubleDot', 'digitTld'), (e, how) => {
        const [local, domain] = e.split('@');
        const broken = {
          noAt: local + domain,
          twoAts: `${local}@x@${domain}`,
          space: `${local} x@${domain}`,
          noDot: `${local}@${domain.replace(/\./g, '')}`,
          trailingDot: `${e}.`,
          leadingDot: `.${e}`,
          doubleDot: `${local}@${domain.replace('.', '..')}`,
          digitTld: `${e}1`,
        }[how];
        expect(isEmail(broken)).toBe(false);
      }),
    );
  });
});
