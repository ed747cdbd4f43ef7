/**
 * Invented people and organisations for the demo workbook. Common Norwegian first names and
 * surnames, combined at random: nobody real is described, and no real contact details appear
 * (phone numbers are random, e-mail addresses use the reserved example domain).
 */
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

/** The seven municipalities of the case studies (000_816c9c010d52404f.txt:63-64). */
export const CASE_MUNICIPALITIES = ['Alta', 'Kristiansund', 'Levanger', 'Nissedal', 'Strand', 'Tromsø', 'Vefsn'];

/** Partner organisations by partner type key; `{m}` is the municipality. */
export const PARTNER_NAMES: { type: string; name: string }[] = [
  { type: 'frivilligsentral', name: '{m} frivilligsentral' },
  { type: 'organisation', name: '{m} Røde Kors' },
  { type: 'organisation', name: '{m} sanitetsforening' },
  { type: 'association', name: '{m} pensjonistforening' },
  { type: 'congregation', name: '{m} menighet' },
  { type: 'association', name: '{m} demensforening' },
  { type: 'school', name: '{m} ungdomsskole' },
  { type: 'unorganisedGroup', name: 'Strikkegjengen i {m}' },
  { type: 'association', name: '{m} turlag' },
];
