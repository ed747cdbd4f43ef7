/** Matching sign-up form headers to volunteer fields, --map overrides, and formula-looking text. */
import { fieldForHeader, isFormulaLike, mapColumns, MappingError } from '../../../../src/core/import/importMapping';
import { nextVolunteerIds } from '../../../../src/core/import/importRows';
import { formDate } from '../../../../src/core/import/formDate';
import { isoToSerial } from '../../../../src/core/model/dates';
import { registerFromRecords } from '../../../../src/core/model/workbookData';

describe('fieldForHeader', () => {
  it.each([
    ['Navn', 'name'],
    ['Namn', 'name'],
    ['Name', 'name'],
    ['Fullt navn', 'name'],
    ['Fornavn', 'firstName'],
    ['Etternavn', 'lastName'],
    ['Førenamn', 'firstName'],
    ['Mobil', 'phone'],
    ['Mobilnummer', 'phone'],
    ['Telefon', 'phone'],
    ['Telefonnummer:', 'phone'],
    ['E-post', 'email'],
    ['E-postadresse', 'email'],
    ['Email address', 'email'],
    ['Alder', 'age'],
    ['Hvor gammel er du?', 'age'],
    ['Aldersgruppe', 'ageGroup'],
    ['Age group', 'ageGroup'],
    ['Hva vil du bidra med?', 'activity'],
    ['Kva vil du bidra med?', 'activity'],
    ['Hva vil du bidra med? (velg en eller flere)', 'activity'],
    ['Aktivitet', 'activity'],
    ['Samarbeidspartner', 'partner'],
    ['Tidsstempel', 'submitted'],
    ['Completion time', 'submitted'],
    ['Samtykke', 'consent'],
    ['Jeg samtykker til at kommunen lagrer opplysningene', 'consent'],
    ['Fødselsdato', 'refused'],
    ['Fødselsnummer', 'refused'],
    ['ID', 'ignore'],
    ['Kommentar', 'notes'],
    ['Taushetserklæring dato', 'confidentialityDate'], // the header an earlier version wrote
    ['Dato for taushetserklæring', 'confidentialityDate'],
    ['Samtykkedato', 'consentDate'],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('leaves headers it does not know unmatched, even ones that start like a known word', () => {
    expect(fieldForHeader('Favorittfarge')).toBeNull();
    expect(fieldForHeader('Mobilitet')).toBeNull();
    expect(fieldForHeader('Navneskilt')).toBeNull();
  });
});

describe('mapColumns', () => {
  const headers = ['Hvem er du', 'Tlf', 'Interesse'];

  it('applies --map by header or by position, with fields by key or by label', () => {
    const mapping = mapColumns(headers, ['Hvem er du=name', '3=Aktivitet']);
    expect(mapping.fields).toEqual(['name', 'phone', 'activity']);
    expect(mapping.overridden).toEqual([0, 2]);
    expect(mapColumns(headers, ['tlf=ignore']).fields[1]).toBe('ignore');
  });

  it('refuses a malformed entry, an unknown column and an unknown field', () => {
    const reason = (map: string) => {
      try {
        mapColumns(headers, [map]);
      } catch (error) {
        return (error as MappingError).reason;
      }
      return null;
    };
    expect(reason('Hvem er du')).toBe('syntax');
    expect(reason('Skostørrelse=name')).toBe('unknownColumn');
    expect(reason('Hvem er du=skostørrelse')).toBe('unknownField');
  });
});

describe('isFormulaLike', () => {
  it.each(['=1+1', '+47 912 34 567', '-ingen-', '@SUM(A1)', '\t=cmd'])('%s is', (text) => expect(isFormulaLike(text)).toBe(true));
  it.each(['Kari', '47 = svar', 'a+b', '', ' '])('%s is not', (text) => expect(isFormulaLike(text)).toBe(false));
});

describe('formDate', () => {
  it('reads the date forms write, with or without a time', () => {
    expect(formDate('2026-03-11 10:02:40')).toBe(isoToSerial('2026-03-11'));
    expect(formDate('2026-03-11T10:02:40Z')).toBe(isoToSerial('2026-03-11'));
    expect(formDate('11.3.2026 10:02:40')).toBe(isoToSerial('2026-03-11'));
    expect(formDate('3/14/2026 8:15:02 PM')).toBe(isoToSerial('2026-03-14'));
    expect(formDate('14/3/2026')).toBe(isoToSerial('2026-03-14'));
  });

  it('returns text that is not a date unchanged, so the rules report it', () => {
    expect(formDate('31.02.2026')).toBe('31.02.2026');
    expect(formDate('snart')).toBe('snart');
    expect(formDate('  ')).toBeNull();
  });
});

describe('nextVolunteerIds', () => {
  it('gives the same co-authoring-safe ids as the forms, distinct from the register and from each other', () => {
    const register = registerFromRecords('volunteers', 'Frivillige', [{ id: 'F0007' }, { id: 'F0240' }, { id: 'X-1' }]);
    const ids = nextVolunteerIds(register, 3, new Date(2026, 10, 23));
    for (const id of ids) expect(id).toMatch(/^F[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(new Set([...ids, 'F0007', 'F0240']).size).toBe(5);
    // With the randomness fixed, an id the register has is skipped, not given again.
    const fixed = () => 0.5;
    const [first] = nextVolunteerIds(registerFromRecords('volunteers', 'Frivillige', []), 1, new Date(2026, 10, 23), fixed);
    let calls = 0;
    const [next] = nextVolunteerIds(registerFromRecords('volunteers', 'Frivillige', [{ id: first }]), 1, new Date(2026, 10, 23), () =>
      calls++ === 0 ? 0.5 : 0.25,
    );
    expect(next).not.toBe(first);
  });
});
