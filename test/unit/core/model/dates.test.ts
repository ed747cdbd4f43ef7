import fc from 'fast-check';
import { addMonths, isoToSerial, parseDateText, serialParts, serialToIso, todaySerial, ymdToSerial } from '../../../../src/core/model/dates';

describe('Excel serial days', () => {
  it('matches known Excel serials', () => {
    expect(isoToSerial('1970-01-01')).toBe(25569);
    expect(isoToSerial('2000-01-01')).toBe(36526);
    expect(isoToSerial('2026-11-23')).toBe(46349);
    expect(ymdToSerial(2024, 2, 29)).toBe(45351);
  });

  it('round-trips every day between 1950 and 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: isoToSerial('1950-01-01'), max: isoToSerial('2100-12-31') }), (serial) => {
        expect(isoToSerial(serialToIso(serial))).toBe(serial);
        const { year, month, day } = serialParts(serial);
        expect(ymdToSerial(year, month, day)).toBe(serial);
      }),
    );
  });

  it('adds months like EDATE, clamping to the month end', () => {
    expect(serialToIso(addMonths(isoToSerial('2025-01-31'), 1))).toBe('2025-02-28');
    expect(serialToIso(addMonths(isoToSerial('2024-03-31'), -1))).toBe('2024-02-29');
    expect(serialToIso(addMonths(isoToSerial('2025-11-23'), -12))).toBe('2024-11-23');
    expect(serialToIso(addMonths(isoToSerial('2025-12-15'), 2))).toBe('2026-02-15');
  });

  it("takes today's date from the local calendar", () => {
    expect(serialToIso(todaySerial(new Date(2026, 10, 23, 0, 30)))).toBe('2026-11-23');
    expect(serialToIso(todaySerial(new Date(2026, 10, 23, 23, 59)))).toBe('2026-11-23');
  });
});

describe('dates typed as text', () => {
  it.each([
    ['31.12.2025', '2025-12-31'],
    ['1.2.2026', '2026-02-01'],
    ['31/12/2025', '2025-12-31'],
    ['2025-12-31', '2025-12-31'],
    ['31.12.25', '2025-12-31'],
    [' 29.02.2024 ', '2024-02-29'],
  ])('reads %s', (typed, iso) => {
    expect(parseDateText(typed)).toBe(isoToSerial(iso));
  });

  it.each(['31.02.2025', '29.02.2025', '00.01.2025', '12.13.2025', 'i går', '2025-1', ''])('refuses %s', (typed) => {
    expect(parseDateText(typed)).toBeNull();
  });
});
