/**
 * Words a native reader accepts, checked over every string in templates/*.json and
 * templates/ui/*.json, one test per class of mistake a reader found:
 * - forms that are wrong in the language (bokmål in nynorsk, a pronoun of the wrong gender, the
 *   English terms the project settled on), each with the form to use instead;
 * - one form of the same word throughout a language (arbeidsboken or arbeidsboka, not both);
 * - column headers written as words ("Dato for taushetserklæring", not "Taushetserklæring dato");
 * - Excel menu paths quoted as Excel shows them: Excel has no nynorsk interface, so nynorsk text
 *   quotes the bokmål menu names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Lang } from '../../../../src/core/content/language';

const TEMPLATES = join(__dirname, '../../../../templates');

interface Text {
  where: string;
  texts: Record<Lang, string>;
}

function localized(value: unknown): value is Record<Lang, string> {
  return typeof value === 'object' && value !== null && LANGUAGES.every((l) => typeof (value as Record<string, unknown>)[l] === 'string');
}

function collect(value: unknown, where: string, out: Text[]): void {
  if (localized(value)) {
    out.push({ where, texts: value });
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${where}[${(v as { key?: string })?.key ?? i}]`, out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) collect(v, `${where}.${k}`, out);
}

function allTexts(): Text[] {
  const out: Text[] = [];
  for (const dir of [TEMPLATES, join(TEMPLATES, 'ui')])
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) collect(JSON.parse(readFileSync(join(dir, file), 'utf8')), file, out);
  return out;
}

const texts = allTexts();

/** A form that is wrong in the language, and what to write instead. */
interface Forbidden {
  pattern: RegExp;
  use: string;
}

const FORBIDDEN: Record<Lang, Forbidden[]> = {
  nn: [
    { pattern: /radene hennar/, use: 'radene til runden (runde er hankjønn)' },
    { pattern: /\b[Aa]ngi\b/, use: 'oppgje' },
    { pattern: /\bkolonnen\b/i, use: 'kolonna (kolonne er hokjønn i nynorsken her)' },
    { pattern: /[Kk]olonna[^.]*\.\s*(Han|han)\b|[Ll]egg han til att med same overskrift/, use: 'ho (kolonna er hokjønn)' },
    { pattern: /avslutning/, use: 'avslutting' },
    { pattern: /[Bb]rukarar nådd\b/, use: 'brukarar nådde' },
    { pattern: /teieerklæring/, use: 'teieplikterklæring' },
    { pattern: /(^|[.!?]\s+)Endra\b/, use: 'Endre (imperativ)' },
    { pattern: /frivilligheitskoordinator/i, use: 'frivilligkoordinator' },
    { pattern: /godtgjering/, use: 'godtgjersle' },
    { pattern: /arbeidsboken/i, use: 'arbeidsboka' },
    { pattern: /\blisten\b/, use: 'lista' },
    {
      pattern: /Sjå gjennom|Formlar >|Alternativ >|Vern arbeidsbok|Opphev arkvern/,
      use: 'the bokmål menu names Excel shows («Se gjennom > Beskytt arbeidsbok»)',
    },
  ],
  nb: [
    { pattern: /radene dens/, use: 'radene til runden' },
    { pattern: /arbeidsboka/i, use: 'arbeidsboken' },
    { pattern: /\blista\b|nedtrekkslista/, use: 'listen' },
    { pattern: /\bkolonna\b/, use: 'kolonnen' },
  ],
  en: [
    { pattern: /\bpromoters?\b/i, use: 'enabler(s)' },
    { pattern: /visiting friend/i, use: 'visiting volunteer, befriending' },
    { pattern: /^Economy$/, use: 'Funding (the factor), Financial terms (the clause)' },
    { pattern: /\bcatalogue\b/i, use: 'directory' },
    { pattern: /\benthusiasts?\b/i, use: 'local champions' },
    { pattern: /apply for external funds/i, use: 'applying for external funding' },
    { pattern: /^(Agree|Partly|Disagree)$/, use: 'True, Partly true, Not true (the statements describe facts)' },
  ],
};

/** Words that may be spelt two ways: each language keeps to one. */
const ONE_FORM: string[][] = [
  ['arbeidsboken', 'arbeidsboka'],
  ['listen', 'lista'],
  ['kolonnen', 'kolonna'],
  ['frivilligkoordinator', 'frivilligheitskoordinator', 'frivillighetskoordinator'],
  ['godtgjersle', 'godtgjering'],
];

describe('words a native reader accepts', () => {
  test.each(LANGUAGES)('%s: no form the language does not use', (lang) => {
    const found: string[] = [];
    for (const t of texts)
      for (const f of FORBIDDEN[lang]) if (f.pattern.test(t.texts[lang])) found.push(`${t.where} (${lang}): "${t.texts[lang]}" — use ${f.use}`);
    expect(found).toEqual([]);
  });

  test.each(LANGUAGES)('%s: one form of each word throughout', (lang) => {
    const mixed: string[] = [];
    for (const forms of ONE_FORM) {
      const used = forms.filter((form) => texts.some((t) => new RegExp(`\\b${form}\\b`, 'i').test(t.texts[lang])));
      if (used.length > 1) mixed.push(used.join(' and '));
    }
    expect(mixed).toEqual([]);
  });

  test('column headers are words: no "X dato", no "Kontakt kommune"', () => {
    const sheets = JSON.parse(readFileSync(join(TEMPLATES, 'sheets.json'), 'utf8')) as {
      sheets: { key: string; columns?: { key: string; label: Record<Lang, string> }[] }[];
    };
    const bad: string[] = [];
    for (const sheet of sheets.sheets)
      for (const column of sheet.columns ?? [])
        for (const lang of ['nb', 'nn'] as const) {
          const label = column.label[lang];
          if (/\S\s+dato$/i.test(label) || /^Kontakt (kommune|partner|partnar)$/i.test(label)) bad.push(`${sheet.key}.${column.key} (${lang}): "${label}"`);
        }
    expect(bad).toEqual([]);
  });

  test("Excel's menu paths are quoted as Excel shows them, the nynorsk text quoting the bokmål names", () => {
    const path = /[«"“]([^»"”]+ > [^»"”]+)[»"”]/g;
    const paths = (s: string) => [...s.matchAll(path)].map((m) => m[1]);
    const withPaths = texts.filter((t) => LANGUAGES.some((l) => / > /.test(t.texts[l])));
    expect(withPaths.length).toBeGreaterThanOrEqual(5);
    for (const t of withPaths) {
      // Every path in every language is quoted: nothing like "under Fil > Lagre" left bare.
      for (const lang of LANGUAGES) expect([t.where, lang, t.texts[lang].replace(path, '').includes(' > ')]).toEqual([t.where, lang, false]);
      expect([t.where, paths(t.texts.nn)]).toEqual([t.where, paths(t.texts.nb)]);
      expect([t.where, paths(t.texts.en).length]).toEqual([t.where, paths(t.texts.nb).length]);
    }
  });

  test('the rating scale says whether a statement is true: the statements describe facts', () => {
    const lists = JSON.parse(readFileSync(join(TEMPLATES, 'lists.json'), 'utf8')) as {
      lists: { key: string; items: { key: string; label: Record<Lang, string> }[] }[];
    };
    const scale = lists.lists.find((l) => l.key === 'ratingScale')!.items;
    expect(scale.slice(0, 3).map((i) => i.label.en)).toEqual(['True', 'Partly true', 'Not true']);
    expect(scale.slice(0, 3).map((i) => i.label.nb)).toEqual(['Stemmer', 'Stemmer delvis', 'Stemmer ikke']);
  });
});
