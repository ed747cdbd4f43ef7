/**
 * Invented people for the demo workbook. Common Norwegian first names and surnames, combined at
 * random: nobody real is described, and no real contact details appear (phone numbers are random,
 * e-mail addresses use the reserved example domain, organisation numbers are made up with a valid
 * check digit, and the one fødselsnummer is a made-up date of birth).
 */
import type { Dice } from './demoDice';
import { mod11CheckDigit } from '../validation/norwegianIds';
export const FIRST_NAMES = [
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Hilde', 'Randi',
  'Solveig', 'Nora', 'Emma', 'Sara', 'Ida', 'Maja', 'Åse', 'Gunn', 'Jan', 'Per', 'Bjørn', 'Ole', 'Lars',
  'Kjell', 'Knut', 'Arne', 'Svein', 'Terje', 'Odd', 'Håkon', 'Jonas', 'Emil', 'Jakob', 'Magnus', 'Ørjan',
  'Sindre', 'Aksel', 'Mohammed', 'Amina', 'Piotr', 'Agnieszka', 'Ahmad', 'Fatima',
];

export const SURNAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen',
  'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen',
  'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Strand', 'Bakken',
  'Moen', 'Solberg', 'Aasen', 'Nygård', 'Lie', 'Kowalski', 'Ali', 'Hussein',
];

export function personName(dice: Dice): string {
  return `${dice.pick(FIRST_NAMES)} ${dice.pick(SURNAMES)}`;
}

export function phone(dice: Dice): string {
  const digits = `${dice.pick(['4', '9'])}${String(dice.int(0, 9_999_999)).padStart(7, '0')}`;
  const style = dice.int(0, 2);
  if (style === 0) return digits;
  if (style === 1) return `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`;
  return `+47 ${digits}`;
}

export function emailFor(name: string, n: number): string {
  const ascii = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${ascii}${n}@example.no`;
}

export function organisationNumber(dice: Dice): string {
  for (;;) {
    const body = `9${String(dice.int(0, 9_999_999)).padStart(7, '0')}`;
    const check = mod11CheckDigit(body, [3, 2, 7, 6, 5, 4, 3, 2]);
    if (check !== null) return `${body}${check}`;
  }
}

/** A made-up person born 01.01.1980, with both control digits computed so the check accepts it. */
export function demoBirthNumber(): string {
  for (let individual = 100; ; individual++) {
    const base = `010180${individual}`;
    const c1 = mod11CheckDigit(base, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    if (c1 === null) continue;
    const c2 = mod11CheckDigit(`${base}${c1}`, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (c2 !== null) return `${base}${c1}${c2}`;
  }
}
