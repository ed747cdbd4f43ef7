import fc from 'fast-check';
import { isFodselsnummer, numberIsFodselsnummer, orgNumberProblem, textHasFodselsnummer } from '../../../../src/core/validation/norwegianIds';

/** The test's own mod-11: remainder 0 gives 0, remainder 1 gives no digit (null). */
function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((total, w, i) => total + w * digits[i], 0);
  const r = sum % 11;
  if (r === 0) return 0;
  if (r === 1) return null;
  return 11 - r;
}

const digit = fc.integer({ min: 0, max: 9 });
const twoDigits = (n: number) => String(n).padStart(2, '0');

/** Changes the digit at `position` to another digit. */
function perturb(s: string, position: number, shift: number): string {
  const old = Number(s[position]);
  return s.slice(0, position) + String((old + shift) % 10) + s.slice(position + 1);
}

describe('organisasjonsnummer', () => {
  const validOrgNumber = fc
    .array(digit, { minLength: 8, maxLength: 8 })
    .chain((body) => {
      const check = checkDigit(body, [3, 2, 7, 6, 5, 4, 3, 2]);
      return check === null ? fc.constant(null) : fc.constant(body.join('') + check);
    })
    .filter((s): s is string => s !== null);

  it('accepts a known real number, with and without spaces', () => {
    expect(orgNumberProblem('923609016')).toBeNull();
    expect(orgNumberProblem('923 609 016')).toBeNull();
  });

  it('accepts every number whose check digit is computed independently', () => {
    fc.assert(fc.property(validOrgNumber, (n) => orgNumberProblem(n) === null));
    fc.assert(fc.property(validOrgNumber, (n) => orgNumberProblem(`${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`) === null));
  });

  it('rejects any single changed digit as a check digit error', () => {
    fc.assert(
      fc.property(validOrgNumber, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (n, pos, shift) => {
        expect(orgNumberProblem(perturb(n, pos, shift))).toBe('checkDigit');
      }),
    );
  });

  it('rejects bodies whose remainder leaves no check digit, whatever the last digit', () => {
    const noDigit = fc.array(digit, { minLength: 8, maxLength: 8 }).filter((b) => checkDigit(b, [3, 2, 7, 6, 5, 4, 3, 2]) === null);
    fc.assert(fc.property(noDigit, digit, (body, last) => orgNumberProblem(body.join('') + last) === 'checkDigit'));
  });

  it('calls anything that is not nine digits a format error', () => {
    fc.assert(
      fc.property(
        fc.array(digit, { minLength: 1, maxLength: 14 }).filter((a) => a.length !== 9),
        (a) => orgNumberProblem(a.join('')) === 'format',
      ),
    );
    expect(orgNumberProblem('92360901A')).toBe('format');
    expect(orgNumberProblem('NO 923609016 MVA')).toBe('format');
    expect(orgNumberProblem('923-609-016')).toBe('format');
  });
});

describe('fødselsnummer and D-number', () => {
  const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

  /** Adds both check digits to nine digits, or null when either cannot exist. */
  function withChecks(nine: string): string | null {
    const d = [...nine].map(Number);
    const k1 = checkDigit(d, W1);
    if (k1 === null) return null;
    const k2 = checkDigit([...d, k1], W2);
    return k2 === null ? null : `${nine}${k1}${k2}`;
  }

  /** A birth date from the calendar (JavaScript's, not ours), an individual number, and maybe D-number day + 40. */
  const validNumber = fc
    .record({
      date: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2039, 11, 31)), noInvalidDate: true }),
      individual: fc.integer({ min: 0, max: 999 }),
      dNumber: fc.boolean(),
    })
    .map(({ date, individual, dNumber }) => {
      const day = date.getUTCDate() + (dNumber ? 40 : 0);
      const nine = twoDigits(day) + twoDigits(date.getUTCMonth() + 1) + twoDigits(date.getUTCFullYear() % 100) + String(individual).padStart(3, '0');
      return withChecks(nine);
    })
    .filter((s): s is string => s !== null);

  it('accepts numbers built from a real date and independently computed check digits', () => {
    fc.assert(fc.property(validNumber, (n) => isFodselsnummer(n)));
  });

  it('finds them in free text, with or without a space after the date, and in number cells', () => {
    fc.assert(
      fc.property(validNumber, fc.boolean(), (n, spaced) => {
        const typed = spaced ? `${n.slice(0, 6)} ${n.slice(6)}` : n;
        expect(textHasFodselsnummer(`Ringte om ${typed}, se notat.`)).toBe(true);
        expect(numberIsFodselsnummer(Number(n))).toBe(true);
      }),
    );
  });

  it('rejects any single changed digit', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (n, pos, shift) => {
        expect(isFodselsnummer(perturb(n, pos, shift))).toBe(false);
      }),
    );
  });

  it('rejects dates that do not exist even when both check digits are right', () => {
    const impossible = fc
      .record({
        dayMonth: fc.constantFrom('3201', '0013', '3104', '3002', '0000', '7201', '2902'),
        yy: fc.integer({ min: 1, max: 99 }).filter((y) => y % 4 !== 0),
        individual: fc.integer({ min: 0, max: 999 }),
      })
      .map(({ dayMonth, yy, individual }) => withChecks(dayMonth + twoDigits(yy) + String(individual).padStart(3, '0')))
      .filter((s): s is string => s !== null);
    fc.assert(fc.property(impossible, (n) => !isFodselsnummer(n) && !textHasFodselsnummer(n)));
  });

  it('does not see one inside a longer run of digits, or split by other characters', () => {
    fc.assert(
      fc.property(validNumber, digit, (n, extra) => {
        expect(textHasFodselsnummer(`${n}${extra}`)).toBe(false);
        expect(textHasFodselsnummer(`${extra}${n}`)).toBe(false);
        expect(textHasFodselsnummer(`${n.slice(0, 6)}-${n.slice(6)}`)).toBe(false);
      }),
    );
  });

  it('reads a ten-digit number cell as a birth day 01–09 whose leading zero Excel dropped', () => {
    const early = fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 }))
      .map(([d, m, y, i]) => withChecks(`0${d}${twoDigits(m)}${twoDigits(y)}${String(i).padStart(3, '0')}`))
      .filter((s): s is string => s !== null && isFodselsnummer(s));
    fc.assert(fc.property(early, (n) => numberIsFodselsnummer(Number(n))));
    expect(numberIsFodselsnummer(12.5)).toBe(false);
    expect(numberIsFodselsnummer(45678)).toBe(false);
  });
});
