/**
 * The domain content in templates/ (value lists, evaluation checklist, agreement clauses) checked
 * as data: it loads through the schema, every list the sheets and settings need is there, labels
 * can live in Excel list validation, every statement leads to an instrument, and every citation
 * points at real, non-empty lines of the source documents in ../shared/seeds.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadContent, type Content } from '../../../../src/core/content/content';
import { checklistFileSchema, FACTOR_KEYS, INSTRUMENT_TYPES, listsFileSchema } from '../../../../src/core/content/contentSchema';
import { LANGUAGES, type Lang } from '../../../../src/core/content/language';
import { POLICE_COLUMN_LIST, SETTINGS_LISTS } from '../../../../src/core/model/settingsModel';
import listsJson from '../../../../templates/lists.json';
import checklistJson from '../../../../templates/checklist.json';
import { SEEDS_DIR } from '../../../support/sharedFiles';
import { documentsFileSchema } from '../../../../src/core/documents/documentSchema';
import { documentFields } from '../../../../src/core/documents/documentFields';
import { clauseText } from '../../../../src/core/documents/printDocument';

const SEEDS = SEEDS_DIR();

/** Item keys other code and the design rely on; the lists may hold more. */
const REQUIRED_ITEMS: Record<string, string[]> = {
  units: ['nursingHome', 'homeCare', 'shelteredHousing', 'dayCentre', 'rehabilitation', 'mentalHealthSubstance', 'volunteerCentre'],
  activityTypes: [
    'visitingFriend',
    'escort',
    'culturalEvents',
    'exerciseWalks',
    'mealsCafe',
    'transport',
    'shoppingHelp',
    'supportGroup',
    'nursingHomeActivities',
  ],
  userGroups: ['nursingHomeResidents', 'homeDwellingElderly', 'dementia', 'relatives', 'mentalHealthSubstance', 'disabilities'],
  trainingTypes: ['introCourse', 'confidentiality', 'dementiaCare', 'firstAid'],
  cooperationForms: ['writtenAgreement', 'partnership', 'cooperationCommittee', 'regularMeetings', 'informalContact'],
  partnerTypes: ['organisation', 'frivilligsentral', 'congregation', 'school', 'association', 'unorganisedGroup'],
  affiliationForms: ['organisation', 'frivilligsentral', 'unorganised', 'informalHelper'],
  ageGroups: ['under30', 'age30to54', 'age55to66', 'age67to79', 'age80plus'],
  agreementStatuses: ['draft', 'active', 'underRevision', 'ended'],
  volunteerStatuses: ['active', 'paused', 'ended'],
  yesNo: ['yes', 'no'],
  ratingScale: ['agree', 'partly', 'disagree', 'notRelevant', 'dontKnow'],
  participantGroups: ['staff', 'volunteers', 'partners', 'users', 'relatives'],
  actionStatuses: ['planned', 'inProgress', 'done', 'dropped'],
  instrumentTypes: [...INSTRUMENT_TYPES],
};

/** Lists whose order carries meaning, so the whole sequence is fixed. */
const FIXED_ORDER: Record<string, string[]> = {
  cooperationForms: ['writtenAgreement', 'partnership', 'cooperationCommittee', 'regularMeetings', 'informalContact'],
  instrumentTypes: [...INSTRUMENT_TYPES],
};

const CLAUSE_ORDER = [
  'parties',
  'purpose',
  'scope',
  'municipalityDuties',
  'partnerDuties',
  'economy',
  'meetings',
  'contactPersons',
  'confidentiality',
  'concern',
  'policeCertificate',
  'personalData',
  'insurance',
  'notEmployees',
  'evaluation',
  'duration',
  'breach',
  'termination',
  'disputes',
];

/** Placeholders a clause must use, in every language. */
const CLAUSE_PLACEHOLDERS: Record<string, string[]> = {
  parties: ['municipality', 'partner', 'partnerOrgNumber', 'municipalityOrgNumber'],
  economy: ['grantPerYear', 'paymentPerActivity', 'grantReportDeadline', 'grantRules'],
  duration: ['start', 'end'],
  contactPersons: ['contactMunicipality', 'contactPartner'],
};

/** Excel list validation caps what a dropdown shows comfortably; the design says 40. */
const MAX_LABEL = 40;

let content: Content;
beforeAll(() => {
  content = loadContent();
});

const list = (key: string) => {
  const found = content.lists.find((l) => l.key === key);
  if (!found) throw new Error(`list ${key} missing`);
  return found;
};

const seedLines = new Map<string, string[]>();
function linesOf(file: string): string[] {
  let lines = seedLines.get(file);
  if (!lines) {
    const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
    lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    seedLines.set(file, lines);
  }
  return lines;
}

interface Citation {
  owner: string;
  file: string;
  first: number;
  last: number;
}

function citations(owner: string, source: string | undefined): Citation[] {
  if (source === undefined) return [];
  return source.split(', ').map((part) => {
    const [file, range] = part.split(':');
    const [first, last] = range.split('-').map(Number);
    return { owner, file, first, last: last ?? first };
  });
}

function allCitations(c: Content): Citation[] {
  const out: Citation[] = [];
  for (const l of c.lists) {
    out.push(...citations(`list ${l.key}`, l.source));
    for (const i of l.items) out.push(...citations(`list ${l.key} item ${i.key}`, i.source));
  }
  for (const f of c.checklist.factors) out.push(...citations(`factor ${f.key}`, f.source));
  for (const i of c.checklist.instruments) out.push(...citations(`instrument ${i.key}`, i.source));
  for (const s of c.checklist.statements) out.push(...citations(`statement ${s.key}`, s.source));
  for (const cl of c.agreement.documents.flatMap((d) => d.clauses)) out.push(...citations(`clause ${cl.key}`, cl.source));
  return out;
}

const placeholdersIn = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

describe('content loads', () => {
  test('every template file passes its schema', () => {
    expect(() => loadContent()).not.toThrow();
  });
});

describe('value lists', () => {
  test('every list on the settings sheet exists', () => {
    for (const key of SETTINGS_LISTS) expect(content.lists.map((l) => l.key)).toContain(key);
  });

  test('every list a sheet column draws from exists (partners come from the partner table)', () => {
    const referenced = content.sheets.sheets
      .flatMap((s) => ('columns' in s && Array.isArray(s.columns) ? s.columns : []))
      .map((c: { list?: string }) => c.list)
      .filter((l): l is string => l !== undefined && l !== 'partners');
    expect(referenced.length).toBeGreaterThan(5);
    for (const key of referenced) expect(content.lists.map((l) => l.key)).toContain(key);
  });

  test('list keys are unique', () => {
    const keys = content.lists.map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(Object.entries(REQUIRED_ITEMS))('%s holds its required items', (key, required) => {
    const keys = list(key).items.map((i) => i.key);
    for (const item of required) expect(keys).toContain(item);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(Object.entries(FIXED_ORDER))('%s keeps its order', (key, order) => {
    expect(list(key).items.map((i) => i.key)).toEqual(order);
  });

  test("the user's own lists are editable and the fixed ones are not", () => {
    for (const key of ['units', 'activityTypes', 'userGroups', 'trainingTypes']) expect(list(key).editable).toBe(true);
    for (const key of SETTINGS_LISTS.filter((k) => !['units', 'activityTypes', 'userGroups', 'trainingTypes'].includes(k))) {
      expect(list(key).editable).toBe(false);
    }
  });

  test('labels fit a cell and Excel list validation: short, trimmed, comma-free, unique per language', () => {
    const problems: string[] = [];
    for (const l of content.lists) {
      for (const lang of LANGUAGES) {
        const labels = l.items.map((i) => i.label[lang]);
        for (const label of labels) {
          if (label.length > MAX_LABEL) problems.push(`${l.key}/${lang}: "${label}" is longer than ${MAX_LABEL}`);
          if (label !== label.trim()) problems.push(`${l.key}/${lang}: "${label}" has outer spaces`);
          if (label.includes(',')) problems.push(`${l.key}/${lang}: "${label}" has a comma`);
        }
        const folded = labels.map((x) => x.toLocaleLowerCase(lang === 'en' ? 'en' : 'nb'));
        if (new Set(folded).size !== folded.length) problems.push(`${l.key}/${lang}: duplicate labels`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('list titles are unique across lists in every language, so the settings sheet finds each list', () => {
    const seen = new Map<string, string>();
    for (const l of content.lists) {
      for (const lang of LANGUAGES) {
        const title = l.title[lang].trim().toLocaleLowerCase('nb');
        const other = seen.get(title);
        if (other !== undefined && other !== l.key) throw new Error(`title "${title}" used by ${other} and ${l.key}`);
        seen.set(title, l.key);
      }
    }
  });

  test('nynorsk is written, not bokmål copied', () => {
    const items = content.lists.flatMap((l) => l.items);
    const differing = items.filter((i) => i.label.nb !== i.label.nn);
    expect(differing.length).toBeGreaterThan(items.length / 5);
    for (const key of ['units', 'userGroups', 'agreementStatuses', 'participantGroups', 'cooperationForms']) {
      expect(list(key).items.some((i) => i.label.nb !== i.label.nn)).toBe(true);
    }
    expect(list('agreementStatuses').items.find((i) => i.key === 'ended')!.label.nn).toBe('Avslutta');
  });

  test('English labels are translated, not Norwegian left behind', () => {
    for (const item of list('cooperationForms').items) expect(item.label.en).not.toBe(item.label.nb);
    for (const item of list('ratingScale').items) expect(item.label.en).not.toBe(item.label.nb);
  });

  test('every activity type says whether it needs a police certificate', () => {
    const activities = list(POLICE_COLUMN_LIST).items;
    expect(activities.length).toBeLessThanOrEqual(20);
    for (const item of activities) expect(typeof item.attributes?.policeCertificate).toBe('boolean');
    const police = (key: string) => activities.find((i) => i.key === key)!.attributes!.policeCertificate;
    // One-to-one in people's homes, or with children: a certificate. Group activities in public: none.
    expect(police('visitingFriend')).toBe(true);
    expect(police('escort')).toBe(true);
    expect(police('culturalEvents')).toBe(false);
    expect(police('exerciseWalks')).toBe(false);
    expect(activities.some((i) => i.attributes!.policeCertificate === true)).toBe(true);
    expect(activities.some((i) => i.attributes!.policeCertificate === false)).toBe(true);
  });

  test("the instrument type list matches the schema's instrument types", () => {
    expect(list('instrumentTypes').items.map((i) => i.key)).toEqual([...INSTRUMENT_TYPES]);
  });
});

describe('evaluation checklist', () => {
  test('there is a factor for every factor key, each with at least one promoter and one barrier', () => {
    const { factors, statements } = content.checklist;
    expect(factors.map((f) => f.key).sort()).toEqual([...FACTOR_KEYS].sort());
    for (const factor of FACTOR_KEYS) {
      const kinds = new Set(statements.filter((s) => s.factor === factor).map((s) => s.kind));
      expect({ factor, promoter: kinds.has('promoter'), barrier: kinds.has('barrier') }).toEqual({ factor, promoter: true, barrier: true });
    }
  });

  test('statement and instrument keys are unique', () => {
    const statementKeys = content.checklist.statements.map((s) => s.key);
    const instrumentKeys = content.checklist.instruments.map((i) => i.key);
    expect(new Set(statementKeys).size).toBe(statementKeys.length);
    expect(new Set(instrumentKeys).size).toBe(instrumentKeys.length);
  });

  test('the instruments cover every instrument type and there are at least twelve', () => {
    const { instruments } = content.checklist;
    expect(instruments.length).toBeGreaterThanOrEqual(12);
    expect(new Set(instruments.map((i) => i.type))).toEqual(new Set(INSTRUMENT_TYPES));
  });

  test("every statement's instruments exist, and every barrier has at least one", () => {
    const known = new Set(content.checklist.instruments.map((i) => i.key));
    for (const s of content.checklist.statements) {
      for (const key of s.instruments)
        expect({ statement: s.key, instrument: key, known: known.has(key) }).toEqual({ statement: s.key, instrument: key, known: true });
      if (s.kind === 'barrier') expect({ statement: s.key, count: s.instruments.length > 0 }).toEqual({ statement: s.key, count: true });
    }
  });

  test('the barriers named in the issue lead to the instruments that answer them', () => {
    const instrumentsOf = (key: string) => content.checklist.statements.find((s) => s.key === key)!.instruments;
    expect(instrumentsOf('econUnpredictable')).toContain('multiYearGrant');
    expect(instrumentsOf('orgHardToReach')).toEqual(expect.arrayContaining(['contactPerson', 'partnerCatalogue']));
    expect(instrumentsOf('recNetworksOnly')).toEqual(expect.arrayContaining(['advertising', 'broadRecruitment']));
    expect(instrumentsOf('perKeyPeople')).toEqual(expect.arrayContaining(['cooperationProcedure', 'backupContacts', 'recognition']));
  });

  test("statements fit the checklist sheet's columns", () => {
    const sheet = content.sheets.sheets.find((s) => s.key === 'checklist') as unknown as { columns: { key: string; maxLength?: number }[] };
    const max = (key: string) => sheet.columns.find((c) => c.key === key)!.maxLength!;
    for (const s of content.checklist.statements) {
      expect(s.key.length).toBeLessThanOrEqual(max('statementId'));
      for (const lang of LANGUAGES) expect(s.text[lang].length).toBeLessThanOrEqual(max('statement'));
    }
    for (const i of content.checklist.instruments) {
      for (const lang of LANGUAGES) expect(i.label[lang].length).toBeLessThanOrEqual(max('instrument'));
    }
  });

  test('statements and instruments are written in all three languages, not copied', () => {
    const texts = [...content.checklist.statements.map((s) => s.text), ...content.checklist.instruments.map((i) => i.description)];
    for (const t of texts) {
      expect(t.en).not.toBe(t.nb);
      expect(t.nn).not.toBe(t.nb);
    }
  });
});

describe('source citations', () => {
  test('every cited line range lies inside its seed file and holds text', () => {
    const all = allCitations(content);
    expect(all.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const c of all) {
      const lines = linesOf(c.file);
      if (c.first < 1 || c.last < c.first || c.last > lines.length) {
        problems.push(`${c.owner}: ${c.file}:${c.first}-${c.last} outside 1-${lines.length}`);
        continue;
      }
      const text = lines
        .slice(c.first - 1, c.last)
        .join(' ')
        .trim();
      if (text.length === 0) problems.push(`${c.owner}: ${c.file}:${c.first}-${c.last} is empty`);
    }
    expect(problems).toEqual([]);
  });

  test('the scope clause cites where the report says volunteers supplement, not replace, public services', () => {
    const scope = content.agreement.documents[0].clauses.find((c) => c.key === 'scope')!;
    const cited = citations('scope', scope.source)
      .map((c) =>
        linesOf(c.file)
          .slice(c.first - 1, c.last)
          .join(' '),
      )
      .join(' ');
    expect(cited).toMatch(/erstatning/);
    expect(cited).toMatch(/supplement/);
  });
});

const documentSets = () =>
  [
    { subject: 'agreements' as const, documents: content.agreement.documents },
    { subject: 'volunteers' as const, documents: content.volunteerPapers.documents },
  ].flatMap(({ subject, documents }) => documents.map((d) => ({ subject, d })));

describe('printable documents', () => {
  test('the cooperation agreement has the clauses a municipality expects, in order', () => {
    expect(content.agreement.documents[0].clauses.map((c) => c.key)).toEqual(CLAUSE_ORDER);
  });

  test('the volunteer papers are the agreement, the confidentiality declaration and the privacy notice', () => {
    expect(content.volunteerPapers.documents.map((d) => d.key)).toEqual(['volunteerAgreement', 'confidentialityDeclaration', 'privacyNotice']);
  });

  test('sentences use only fields the document has, the same ones in every language, and no stray brace', () => {
    for (const { subject, d } of documentSets()) {
      const fields = new Map(documentFields(subject).map((f) => [f.key, f]));
      for (const clause of d.clauses) {
        for (const sentence of clause.sentences) {
          const perLang = LANGUAGES.map((lang: Lang) => placeholdersIn(sentence.text[lang]).sort());
          for (const p of perLang[0]) expect({ document: d.key, field: p, known: fields.has(p) }).toEqual({ document: d.key, field: p, known: true });
          expect({ clause: clause.key, nn: perLang[1], en: perLang[2] }).toEqual({ clause: clause.key, nn: perLang[0], en: perLang[0] });
          for (const lang of LANGUAGES) expect(sentence.text[lang].replace(/\{\w+\}/g, '')).not.toMatch(/[{}]/);
          for (const c of sentence.when ?? []) {
            const field = fields.get(c.field);
            expect({ document: d.key, condition: c.field, known: Boolean(field) }).toEqual({ document: d.key, condition: c.field, known: true });
            for (const key of c.is ?? []) expect(content.lists.find((l) => l.key === field!.list)!.items.map((i) => i.key)).toContain(key);
          }
          for (const id of sentence.legal ?? []) expect(content.legal.statements.map((x) => x.id)).toContain(id);
        }
      }
    }
  });

  test("every clause keeps a sentence when only the register's required fields are filled, so its heading never stands alone", () => {
    for (const { subject, d } of documentSets()) {
      const required = new Set(
        content.sheets.sheets
          .find((x) => x.key === subject)!
          .columns!.filter((c) => c.required)
          .map((c) => c.key),
      );
      const firstKey = (list?: string) => (list ? content.lists.find((l) => l.key === list)!.items[0].key : null);
      const values = Object.fromEntries(
        documentFields(subject).map((f) => [f.key, required.has(f.key) ? { text: 'x', key: firstKey(f.list) } : { text: '', key: null }]),
      );
      // Two settings always have a value: the register's legal basis (by default the agreement) and the retention months.
      values.personalDataBasis = { text: 'x', key: 'agreement' };
      values.retentionMonths = { text: '24', key: null };
      for (const lang of LANGUAGES) {
        for (const clause of d.clauses) {
          const text = clauseText(clause, values, lang);
          expect({ document: d.key, clause: clause.key, lang, empty: text === '' }).toEqual({ document: d.key, clause: clause.key, lang, empty: false });
        }
      }
    }
  });

  test.each(Object.entries(CLAUSE_PLACEHOLDERS))("the agreement's %s clause fills in its fields", (key, required) => {
    const clause = content.agreement.documents[0].clauses.find((c) => c.key === key)!;
    for (const lang of LANGUAGES) for (const p of required) expect(clause.sentences.map((x) => x.text[lang]).join(' ')).toContain(`{${p}}`);
  });

  test('the sentences are translated', () => {
    for (const { d } of documentSets()) {
      for (const sentence of d.clauses.flatMap((c) => c.sentences)) {
        expect(sentence.text.en).not.toBe(sentence.text.nb);
      }
    }
  });

  test('the agreement no longer prints the form of cooperation inside a written agreement', () => {
    const all = content.agreement.documents[0].clauses.flatMap((c) => c.sentences.map((x) => x.text.nb)).join(' ');
    expect(all).not.toContain('{cooperationForm}');
  });
});

describe('broken content is rejected', () => {
  test('a list item without an English label fails, naming the path', () => {
    const broken = structuredClone(listsJson) as { lists: { items: { label: Partial<Record<Lang, string>> }[] }[] };
    delete broken.lists[2].items[1].label.en;
    const result = listsFileSchema.safeParse(broken);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((i) => i.path.join('.'))).toContain('lists.2.items.1.label.en');
  });

  test('a label with only spaces fails', () => {
    const broken = structuredClone(listsJson) as { lists: { items: { label: Record<Lang, string> }[] }[] };
    broken.lists[0].items[0].label.nn = '   ';
    const result = listsFileSchema.safeParse(broken);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0].path.join('.')).toBe('lists.0.items.0.label.nn');
  });

  test('a statement with an unknown field or a malformed source fails', () => {
    const extra = structuredClone(checklistJson) as { statements: Record<string, unknown>[] };
    extra.statements[3].note = 'not in the schema';
    const r1 = checklistFileSchema.safeParse(extra);
    expect(r1.success).toBe(false);
    if (!r1.success) expect(r1.error.issues[0].path.join('.')).toBe('statements.3');

    const badSource = structuredClone(checklistJson) as { statements: { source: string }[] };
    badSource.statements[0].source = 'rapporten side 12';
    const r2 = checklistFileSchema.safeParse(badSource);
    expect(r2.success).toBe(false);
    if (!r2.success) expect(r2.error.issues[0].path.join('.')).toBe('statements.0.source');
  });

  test('a document without clauses fails', () => {
    expect(documentsFileSchema.safeParse({ documents: [{ key: 'x', title: { nb: 'a', nn: 'a', en: 'a' }, clauses: [], signatures: [] }] }).success).toBe(false);
  });
});
