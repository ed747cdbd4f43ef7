/**
 * Which column of a sign-up form export feeds which field of the volunteer register. Forms name
 * their questions freely ("Hva vil du bidra med?", "Mobilnummer", "E-postadresse"), so headers are
 * matched by the register's own labels in nb, nn and en and by the wordings forms commonly use;
 * `--map column=field` settles the rest. Pure: text in, mapping out.
 */
import { sheetDef } from '../content/content';
import { headerLabels } from '../content/templateSchema';
import { SamspillError } from '../samspillError';

/** Register columns a form may fill, plus what a form gives that the register derives a value from. */
export const IMPORT_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'phone',
  'email',
  'ageGroup',
  'age',
  'affiliation',
  'partner',
  'activity',
  'unit',
  'start',
  'confidentialityDate',
  'policeCertificateDate',
  'training',
  'consent',
  'consentDate',
  'status',
  'end',
  'notes',
  'submitted',
  'ignore',
  'refused',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Wordings of sign-up forms (Microsoft Forms, Nettskjema, Google Forms) in nb, nn and en, already
 * normalised. `refused`: data the register must never hold (birth dates, identity numbers).
 * `ignore`: the form's own bookkeeping (response id, start time).
 */
const SYNONYMS: Record<Exclude<ImportField, 'ignore'> | 'ignore', string[]> = {
  name: ['fullt navn', 'fullt namn', 'full name', 'ditt navn', 'ditt namn', 'your name', 'navn på frivillig', 'volunteer name'],
  firstName: ['fornavn', 'førenamn', 'fornamn', 'first name', 'given name', 'firstname'],
  lastName: ['etternavn', 'etternamn', 'last name', 'surname', 'family name', 'lastname'],
  phone: ['mobil', 'mobilnummer', 'mobilnr', 'telefonnummer', 'telefonnr', 'tlf', 'tlf nr', 'tlfnr', 'phone number', 'mobile', 'mobile number', 'telephone'],
  email: ['e-postadresse', 'epostadresse', 'epost', 'e-mail', 'email address', 'e-mail address', 'mail'],
  ageGroup: ['alder gruppe', 'age bracket'],
  age: ['alder', 'age', 'hvor gammel er du', 'kor gammal er du', 'how old are you'],
  affiliation: ['tilknytning', 'tilknyting'],
  partner: ['organisasjon', 'organization', 'organisation', 'lag eller forening', 'lag/forening', 'frivillig organisasjon'],
  activity: [
    'hva vil du bidra med',
    'kva vil du bidra med',
    'hva kan du tenke deg å bidra med',
    'kva kan du tenkje deg å bidra med',
    'hva ønsker du å bidra med',
    'ønsket aktivitet',
    'type oppdrag',
    'what would you like to help with',
    'what would you like to do',
    'how would you like to help',
  ],
  unit: ['hvor vil du bidra', 'kvar vil du bidra', 'where would you like to help', 'ønsket enhet', 'sykehjem'],
  start: ['startdato', 'start date', 'kan starte fra', 'available from'],
  confidentialityDate: ['taushetserklæring', 'teieplikterklæring', 'confidentiality declaration'],
  policeCertificateDate: ['politiattest', 'police certificate'],
  training: ['kurs'],
  consent: ['samtykke', 'jeg samtykker', 'eg samtykkjer', 'i consent', 'consent', 'samtykker du'],
  consentDate: ['samtykkedato', 'consent given'],
  status: [],
  end: ['sluttdato', 'end date'],
  notes: ['kommentar', 'kommentarer', 'annet', 'andre opplysninger', 'anna', 'andre opplysningar', 'comments', 'comment', 'other information', 'anything else'],
  submitted: [
    'tidsstempel',
    'tidsmerke',
    'timestamp',
    'fullføringstidspunkt',
    'tidspunkt for fullføring',
    'completion time',
    'innsendt',
    'innsendt dato',
    'sendt inn',
    'submitted',
    'submission date',
    'dato for innsending',
    // Nettskjema's own columns in its Excel and CSV downloads.
    '$created',
  ],
  ignore: [
    'id',
    'svar-id',
    'svarid',
    'response id',
    'respondent',
    'starttidspunkt',
    'start time',
    'sist endret',
    'last modified time',
    'tidspunkt for siste endring',
    'innsendings-id',
    '$submission_id',
    '$answer_time_ms',
  ],
  refused: ['fødselsdato', 'fødselsnummer', 'personnummer', 'date of birth', 'birth date', 'birthday', 'national identity number', 'fnr'],
};

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[?:*.!()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Register labels in every language, then the forms' wordings: normalised header → field. */
function headerIndex(): Map<string, ImportField> {
  const index = new Map<string, ImportField>();
  for (const [field, words] of Object.entries(SYNONYMS) as [ImportField, string[]][]) for (const w of words) index.set(normaliseHeader(w), field);
  for (const column of sheetDef('volunteers').columns ?? []) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(column.key)) continue;
    for (const label of headerLabels(column)) index.set(normaliseHeader(label), column.key as ImportField);
  }
  return index;
}

let index: Map<string, ImportField> | undefined;

/**
 * The field a header names: exactly, or as a question that starts with a known wording and goes
 * on ("Hva vil du bidra med? (velg en eller flere)"). Null when nothing matches.
 */
export function fieldForHeader(header: string): ImportField | null {
  index ??= headerIndex();
  const h = normaliseHeader(header);
  const exact = index.get(h);
  if (exact) return exact;
  let best: { field: ImportField; length: number } | null = null;
  for (const [words, field] of index) {
    if (words.length < 4 || !h.startsWith(words) || /[\p{L}\d]/u.test(h.charAt(words.length))) continue;
    if (!best || words.length > best.length) best = { field, length: words.length };
  }
  return best?.field ?? null;
}

/** A field named by its key or by a register label in any language ("Telefon", "phone"). */
export function fieldByName(name: string): ImportField | null {
  const wanted = normaliseHeader(name);
  const byKey = IMPORT_FIELDS.find((f) => f.toLowerCase() === wanted.replace(/[\s-]/g, ''));
  return byKey ?? fieldForHeader(name);
}

export interface ColumnMapping {
  /** Field of each CSV column (by index), null for a column nothing matched. */
  fields: (ImportField | null)[];
  /** Columns matched by --map rather than by their header. */
  overridden: number[];
}

/** A `--map` entry that cannot be applied; the command line words it, naming the file and the known fields. */
export class MappingError extends SamspillError<'syntax' | 'unknownColumn' | 'unknownField'> {
  override readonly name = 'MappingError';

  constructor(
    code: MappingError['code'],
    readonly value: string,
  ) {
    super(code, { value }, `${code}: ${value}`);
  }

  /** The code, under the name callers of mapColumns have used. */
  get reason(): MappingError['code'] {
    return this.code;
  }
}

/**
 * The mapping of a file's headers, with `--map column=field` applied over it. A column is named by
 * its header (compared as headers are) or by its 1-based position.
 */
export function mapColumns(headers: string[], overrides: string[] = []): ColumnMapping {
  const fields = headers.map(fieldForHeader);
  const overridden: number[] = [];
  for (const entry of overrides) {
    const eq = entry.lastIndexOf('=');
    if (eq <= 0 || eq === entry.length - 1) throw new MappingError('syntax', entry);
    const column = entry.slice(0, eq).trim();
    const field = fieldByName(entry.slice(eq + 1).trim());
    if (!field) throw new MappingError('unknownField', entry.slice(eq + 1).trim());
    const at = /^\d+$/.test(column) ? Number(column) - 1 : headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(column));
    if (at < 0 || at >= headers.length) throw new MappingError('unknownColumn', column);
    fields[at] = field;
    overridden.push(at);
  }
  return { fields, overridden };
}

/**
 * Text a spreadsheet would take for a formula if it were typed or pasted: starting with = + - or
 * @ (or a tab or carriage return before one, which some programs strip). Such text is stored as a
 * text cell marked to stay text, never as a formula.
 */
export function isFormulaLike(text: string): boolean {
  return /^[\t\r]*[=+\-@]/.test(text);
}
