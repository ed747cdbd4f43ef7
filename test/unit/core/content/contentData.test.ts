/**
 * The domain content in templates/ (value lists, evaluation checklist, agreement clauses) checked
 * as data: it loads through the schema, every list the sheets and settings need is there, labels
 * can live in Excel list validation, every statement leads to an instrument, and every citation
 * points at real, non-empty lines of the source documents in ../shared/seeds.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadContent, type Content } from '../../../../src/core/content/content';
import {
  checklistFileSchema,
  FACTOR_KEYS,
  INSTRUMENT_TYPES,
  listsFileSchema,
  type Citation as ContentCitation,
} from '../../../../src/core/content/contentSchema';
import { LANGUAGES, type Lang } from '../../../../src/core/content/language';
import { POLICE_COLUMN_LIST, SETTINGS_LISTS } from '../../../../src/core/model/settingsModel';
import listsJson from '../../../../templates/lists.json';
import checklistJson from '../../../../templates/checklist.json';
import { SEEDS_DIR } from '../../../support/sharedFiles';
import { documentsFileSchema } from '../../../../src/core/documents/documentSchema';
import { documentFields } from '../../../../src/core/documents/documentFields';
import { clauseText } from '../../../../src/core/documents/printDocument';
import { demoCases } from '../../../../src/core/demo/demoCases';

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
  affiliationForms: ['organisation', 'frivilligsentral', 'unorganised', 'doubleActive', 'informalHelper'],
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
  /** What the citation is for: a phrase that must stand on one line inside the range. */
  phrase?: string;
}

function parseLines(owner: string, cite: string, phrase?: string): Citation {
  const [file, range] = cite.split(':');
  const [first, last] = range.split('-').map(Number);
  return { owner, file, first, last: last ?? first, phrase };
}

/** A citation string of sheets.json and agreement.json: "file:lines, file:lines". */
function citations(owner: string, source: string | undefined): Citation[] {
  if (source === undefined) return [];
  return source.split(', ').map((part) => parseLines(owner, part));
}

/** Citations with their key phrase (checklist.json, lists.json). */
function phrased(owner: string, source: ContentCitation[] | undefined): Citation[] {
  return (source ?? []).map((c) => parseLines(owner, c.lines, c.phrase));
}

function allCitations(c: Content): Citation[] {
  const out: Citation[] = [];
  for (const l of c.lists) {
    out.push(...phrased(`list ${l.key}`, l.source));
    for (const i of l.items) out.push(...phrased(`list ${l.key} item ${i.key}`, i.source));
  }
  for (const f of c.checklist.factors) out.push(...phrased(`factor ${f.key}`, f.source));
  for (const i of c.checklist.instruments) out.push(...phrased(`instrument ${i.key}`, i.source));
  for (const s of c.checklist.statements) out.push(...phrased(`statement ${s.key}`, s.source));
  for (const cl of c.agreement.documents.flatMap((d) => d.clauses)) out.push(...citations(`clause ${cl.key}`, cl.source));
  return out;
}

/** Where a citation is wrong: outside the file, empty, or its phrase is not on any of its lines. */
function citationProblem(c: Citation): string | null {
  const lines = linesOf(c.file);
  if (c.first < 1 || c.last < c.first || c.last > lines.length) return `${c.owner}: ${c.file}:${c.first}-${c.last} outside 1-${lines.length}`;
  const range = lines.slice(c.first - 1, c.last);
  if (range.join(' ').trim().length === 0) return `${c.owner}: ${c.file}:${c.first}-${c.last} is empty`;
  if (c.phrase !== undefined && !range.some((line) => line.includes(c.phrase!))) return `${c.owner}: «${c.phrase}» is not in ${c.file}:${c.first}-${c.last}`;
  return null;
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

  test('each affiliation says whether it carries the duties of an assignment; the informal helper does not', () => {
    const items = list('affiliationForms').items;
    for (const item of items) expect([item.key, typeof item.attributes?.assignmentDuties]).toEqual([item.key, 'boolean']);
    expect(items.filter((i) => i.attributes!.assignmentDuties === false).map((i) => i.key)).toEqual(['informalHelper']);
    // The 2025 note's double-active group: in an organisation and helping on their own (003_5b756f3ba21c4f06.txt:95-102).
    const double = items.find((i) => i.key === 'doubleActive')!;
    expect(double.attributes!.assignmentDuties).toBe(true);
    expect(double.source!.map((c) => c.lines)).toContain('003_5b756f3ba21c4f06.txt:95-100');
  });

  test('each age band says whether the sources define it or Samspill chose it: three and two', () => {
    const bands = list('ageGroups').items;
    expect(bands.filter((b) => b.basis === 'sources').map((b) => b.key)).toEqual(['under30', 'age55to66', 'age67to79']);
    expect(bands.filter((b) => b.basis === 'samspill').map((b) => b.key)).toEqual(['age30to54', 'age80plus']);
    for (const band of bands.filter((b) => b.basis === 'sources')) expect(band.source?.length).toBeGreaterThan(0);
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
    // "Unclear whom to contact" is answered by a known first contact and a page saying whom to call,
    // not by a catalogue of the organisations (000_816c9c010d52404f.txt:3326-3328, 1780-1782, 2796).
    expect(instrumentsOf('orgHardToReach')).toEqual(expect.arrayContaining(['contactPerson', 'informationChannels']));
    expect(instrumentsOf('recNetworksOnly')).toEqual(expect.arrayContaining(['advertising', 'broadRecruitment']));
    expect(instrumentsOf('perKeyPeople')).toEqual(expect.arrayContaining(['cooperationProcedure', 'backupContacts', 'recognition']));
  });

  const statement = (key: string) => {
    const found = content.checklist.statements.find((s) => s.key === key);
    if (!found) throw new Error(`statement ${key} missing`);
    return found;
  };
  const instrument = (key: string) => {
    const found = content.checklist.instruments.find((i) => i.key === key);
    if (!found) throw new Error(`instrument ${key} missing`);
    return found;
  };
  const cites = (source: ContentCitation[]) => source.map((c) => c.lines.replace('000_816c9c010d52404f.txt:', 'F:').replace('003_5b756f3ba21c4f06.txt:', 'N:'));

  test('each instrument cites the lines that say what it says', () => {
    // 2842 is the literature list's "relatives and professionals in the interest association".
    expect(cites(instrument('broadRecruitment').source)).toContain('F:3451-3457');
    expect(cites(instrument('broadRecruitment').source)).not.toContain('F:2842');
    expect(cites(instrument('relativesInAssociation').source)).toEqual(expect.arrayContaining(['F:2842', 'F:3148-3151']));
    // 3030-3035 is about national grants, not the municipality helping a partner apply; 2305-2306 is Vefsn's door-opener.
    expect(cites(instrument('fundingHelp').source)).not.toContain('F:3030-3035');
    expect(cites(instrument('fundingHelp').source)).toContain('F:2305-2306');
    // 2230-2233 is staff receiving volunteers (training), not staff joining activities.
    expect(cites(instrument('staffInvolvement').source)).not.toContain('F:2230-2233');
    expect(cites(instrument('staffTraining').source)).toContain('F:2230-2233');
    expect(cites(instrument('staffInvolvement').source)).toContain('F:3372-3374');
  });

  test("remedies the report does not name are marked as Samspill's own", () => {
    for (const key of ['multiYearGrant', 'backupContacts', 'intakeFollowUp']) expect([key, instrument(key).basis]).toEqual([key, 'samspill']);
    expect(instrument('operatingGrant').basis).toBeUndefined();
  });

  test('the items the report names and the checklist lacked are there, each in its factor', () => {
    expect(statement('orgRivalry')).toMatchObject({ factor: 'organisation', kind: 'barrier' });
    expect(statement('distOwnWays')).toMatchObject({ factor: 'districtSpecific', kind: 'barrier' });
    expect(statement('proUnstableLabour')).toMatchObject({ factor: 'professionalism', kind: 'barrier' });
    expect(instrument('residentsFund').type).toBe('economic');
    expect(instrument('coordinatorNetwork').type).toBe('organisational');
    expect(instrument('municipalProcesses').type).toBe('organisational');
    expect(cites(instrument('residentsFund').source)).toContain('F:2223-2225');
    expect(cites(instrument('coordinatorNetwork').source)).toEqual(expect.arrayContaining(['F:1723-1726', 'F:2037-2041']));
    expect(cites(instrument('municipalProcesses').source)).toContain('F:2303-2305');
    expect(cites(statement('orgRivalry').source)).toContain('F:2066-2069');
    expect(cites(statement('distOwnWays').source)).toContain('F:3539-3543');
    expect(cites(statement('proUnstableLabour').source)).toContain('F:3374-3378');
  });

  test('motives are a trend from the literature to check locally, set against what the interviews found', () => {
    const motives = statement('recMotives');
    expect(motives.basis).toBe('literature');
    // The literature's trend and the report's counter-finding (traditional motives, little sign of fading dugnad spirit).
    expect(cites(motives.source)).toEqual(expect.arrayContaining(['F:458-470', 'F:3407-3411', 'F:3413-3416', 'F:3237-3240']));
    expect(motives.instruments).not.toContain('volunteerTraining');
    expect(motives.text.en).not.toMatch(/own development/);
  });

  test('each barrier leads to instruments that act on it, and no promoter to the remedy for its own downside', () => {
    expect(statement('recNetworks').instruments).not.toContain('broadRecruitment');
    expect(statement('recMotives').instruments).not.toEqual(expect.arrayContaining(['volunteerTraining']));
    expect(statement('recMotives').instruments).not.toContain('broadRecruitment');
    expect(statement('comLacking').instruments).not.toContain('indicatorsFeedback');
    // A barrier's answer is not the very thing the barrier says is refused.
    expect(statement('econUnwilling').instruments).not.toContain('operatingGrant');
    expect(statement('orgNoCoordinationFunds').instruments).not.toContain('coordinator');
    const used = new Set(content.checklist.statements.flatMap((s) => s.instruments));
    for (const i of content.checklist.instruments) expect([i.key, used.has(i.key)]).toEqual([i.key, true]);
  });

  test('the barriers that rest on the literature alone are named in docs/evaluation.md as hypotheses', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../../../docs/evaluation.md'), 'utf8');
    const literature = content.checklist.statements.filter((s) => s.basis === 'literature');
    expect(literature.length).toBeGreaterThan(10);
    for (const s of literature) expect([s.key, doc.includes(`\`${s.key}\``)]).toEqual([s.key, true]);
    expect(doc).toMatch(/hypothes/);
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
  test('every cited line range lies inside its seed file, holds text, and holds the phrase it is cited for', () => {
    const all = allCitations(content);
    expect(all.length).toBeGreaterThan(350);
    expect(all.filter((c) => c.phrase !== undefined).length).toBeGreaterThan(350);
    expect(all.map(citationProblem).filter((p) => p !== null)).toEqual([]);
  });

  test("every fact of the demo's case profiles holds the phrase it is cited for", () => {
    const all: Citation[] = [];
    for (const c of demoCases()) {
      const owner = (part: string) => `case ${c.key} ${part}`;
      all.push(...phrased(owner('profile'), c.source), ...phrased(owner('ages'), c.agesSource));
      all.push(...phrased(owner('no formal agreements'), c.noFormalAgreements), ...phrased(owner('no economic instruments'), c.noEconomicInstruments));
      for (const p of c.partners) all.push(...phrased(owner(`partner ${p.key}`), p.source));
      c.agreements.forEach((a, i) => all.push(...phrased(owner(`agreement ${i}`), a.source)));
      c.activities.forEach((a, i) => all.push(...phrased(owner(`activity ${i}`), a.source)));
      c.groupEntries.forEach((g, i) => all.push(...phrased(owner(`group entry ${i}`), g.source)));
    }
    expect(all.length).toBeGreaterThan(150);
    expect(all.map(citationProblem).filter((p) => p !== null)).toEqual([]);
  });

  test('a citation moved to the wrong lines fails the check', () => {
    // broadRecruitment once cited 2842, the line about relatives in interest associations.
    const moved = parseLines('instrument broadRecruitment', '000_816c9c010d52404f.txt:2842', 'helt eller delvis gjennom uformelle nettverk');
    expect(citationProblem(moved)).toMatch(/is not in 000_816c9c010d52404f.txt:2842-2842/);
    const shifted = content.checklist.instruments.flatMap((i) => phrased(i.key, i.source)).map((c) => ({ ...c, first: c.first + 40, last: c.last + 40 }));
    expect(shifted.filter((c) => citationProblem(c) !== null).length).toBeGreaterThan(shifted.length * 0.9);
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

    const badSource = structuredClone(checklistJson) as unknown as { statements: { source: unknown }[] };
    badSource.statements[0].source = [{ lines: 'rapporten side 12', phrase: 'Økonomisk støtte' }];
    const r2 = checklistFileSchema.safeParse(badSource);
    expect(r2.success).toBe(false);
    if (!r2.success) expect(r2.error.issues[0].path.join('.')).toBe('statements.0.source.0.lines');

    const noPhrase = structuredClone(checklistJson) as unknown as { statements: { source: unknown }[] };
    noPhrase.statements[0].source = [{ lines: '000_816c9c010d52404f.txt:3573' }];
    const r3 = checklistFileSchema.safeParse(noPhrase);
    expect(r3.success).toBe(false);
    if (!r3.success) expect(r3.error.issues[0].path.join('.')).toBe('statements.0.source.0.phrase');
  });

  test('a document without clauses fails', () => {
    expect(documentsFileSchema.safeParse({ documents: [{ key: 'x', title: { nb: 'a', nn: 'a', en: 'a' }, clauses: [], signatures: [] }] }).success).toBe(false);
  });
});
