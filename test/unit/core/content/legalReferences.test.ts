/**
 * Every law or paragraph a template, a string a user reads or a page of docs/ names must be in
 * templates/legal.json, with its source and the date it was checked. A rule, clause or help text
 * that cites a law no one checked fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { content } from '../../../../src/core/content/content';
import { isKnownReference, legalReferences, unknownLawNames } from '../../../../src/core/content/legalReferences';
import { legalFileSchema } from '../../../../src/core/content/legalSchema';

const ROOT = join(__dirname, '../../../..');
const legal = content().legal;

/** Every string in a JSON value, with the path it was found at. */
function strings(value: unknown, path: string, out: { where: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ where: path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
}

function texts(): { where: string; text: string; ownRefs?: { law: string; paragraphs: string[] }[] }[] {
  const out: { where: string; text: string; ownRefs?: { law: string; paragraphs: string[] }[] }[] = [];
  const jsonIn = (dir: string) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `${dir}/${f}`);
  for (const file of [...jsonIn('templates'), ...jsonIn('templates/ui')]) {
    const data = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as unknown;
    if (file === 'templates/legal.json') {
      // Its statements and notes are text the product shows; the rest (URLs, evidence ids) is not.
      legal.statements.forEach((s) => {
        const own: { where: string; text: string }[] = [];
        strings(s.statement, `${file}#${s.id}.statement`, own);
        if (s.note) strings(s.note, `${file}#${s.id}.note`, own);
        // Within a statement, "§ 5-4" alone means the statement's own law.
        out.push(...own.map((o) => ({ ...o, ownRefs: s.refs })));
      });
    } else strings(data, file, out);
  }
  for (const file of readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md'))) {
    readFileSync(join(ROOT, 'docs', file), 'utf8')
      .split('\n')
      .forEach((line, i) => out.push({ where: `docs/${file}:${i + 1}`, text: line }));
  }
  return out;
}

describe('legal references', () => {
  it('legal.json keeps its schema: every statement sourced, dated, and a note where not fully verified', () => {
    expect(legalFileSchema.safeParse(JSON.parse(readFileSync(join(ROOT, 'templates/legal.json'), 'utf8'))).success).toBe(true);
    for (const s of legal.statements) {
      expect(s.checked).toBe('2026-11-30');
      if (s.verified !== 'yes') expect(s.note).toBeDefined();
    }
  });

  it('every law and paragraph named in templates/, templates/ui/ and docs/ is in legal.json', () => {
    const problems: string[] = [];
    const all = texts();
    for (const { where, text, ownRefs } of all) {
      for (const ref of legalReferences(text, legal)) {
        const ownParagraph = ref.law === null && ownRefs?.some((r) => r.paragraphs.includes(ref.paragraph ?? ''));
        if (!ownParagraph && !isKnownReference(ref, legal))
          problems.push(`${where}: "${ref.text}" (${ref.law ?? 'no law named'} ${ref.paragraph ?? ''}) is not in templates/legal.json`);
      }
      for (const name of unknownLawNames(text, legal)) problems.push(`${where}: "${name.text}" looks like a law but is no alias in templates/legal.json`);
    }
    expect(problems).toEqual([]);
    // The scan reaches the texts that cite law, so an empty list of problems means something.
    expect(all.filter((t) => legalReferences(t.text, legal).some((r) => r.paragraph !== null)).length).toBeGreaterThan(20);
  });

  it('the scanner catches a law or paragraph that legal.json does not hold', () => {
    const unknownParagraph = legalReferences('Etter helse- og omsorgstjenesteloven § 12-4 skal den frivillige melde fra.', legal);
    expect(unknownParagraph.filter((r) => !isKnownReference(r, legal)).map((r) => r.paragraph)).toEqual(['§ 12-4']);
    expect(legalReferences('Jf. § 99 andre ledd.', legal).map((r) => [r.law, r.paragraph])).toEqual([[null, '§ 99']]);
    expect(unknownLawNames('Etter opplæringsloven og the Education Act gjelder dette.', legal).map((u) => u.text)).toEqual([
      'opplæringsloven',
      'Education Act',
    ]);
    expect(unknownLawNames('Kravet følger av lov eller forskrift; lovpålagte tjenester.', legal)).toEqual([]);
    const several = legalReferences('kommuneloven §§ 14-2 og 14-5', legal);
    expect(several.filter((r) => r.paragraph).map((r) => [r.law, r.paragraph])).toEqual([
      ['koml', '§ 14-2'],
      ['koml', '§ 14-5'],
    ]);
  });
});
