/**
 * The pane's strings and error sentences: every string in all three languages with the same
 * placeholders, and every error code the Office adapter can report has a sentence of its own.
 */
import paneStrings from '../../../templates/ui/taskpane.json';
import { LANGUAGES } from '../../../src/core/content/language';
import { OfficeActionError, type OfficeActionErrorCode } from '../../../src/workbook/office/officeErrors';
import { paneError } from '../../../src/taskpane/paneErrors';
import { TemplateRefusal } from '../../../src/taskpane/services/templateService';
import { CellWritesUnavailable } from '../../../src/taskpane/services/cellWriter';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every string has nb, nn and en with the same placeholders', () => {
  for (const [key, entry] of Object.entries(paneStrings)) {
    for (const lang of LANGUAGES) expect([key, lang, entry[lang].trim().length > 0]).toEqual([key, lang, true]);
    expect([key, placeholders(entry.nn)]).toEqual([key, placeholders(entry.nb)]);
    expect([key, placeholders(entry.en)]).toEqual([key, placeholders(entry.nb)]);
  }
});

test('each Office error code reads as its own sentence, naming the subject, in each language', () => {
  const codes: OfficeActionErrorCode[] = ['sheetBeingEdited', 'protected', 'notSupported', 'notFound', 'alreadyExists', 'tooLarge', 'unknown'];
  for (const lang of LANGUAGES) {
    const bodies = codes.map((code) => paneError(new OfficeActionError(code, 'raw', 'Timer'), lang).body);
    expect(new Set(bodies).size).toBe(codes.length);
    for (const body of bodies) expect(body).not.toMatch(/\{\w+\}/);
    expect(bodies[codes.indexOf('notFound')]).toContain('Timer');
  }
  expect(paneError(new OfficeActionError('protected', 'AccessDenied', 'Timer'), 'nb')).toMatchObject({
    title: 'Excel kunne ikke gjøre dette',
    detail: 'AccessDenied',
  });
});

test('refusals and unexpected errors are explained, never shown raw alone', () => {
  expect(paneError(new TemplateRefusal('newerSchema', { found: 3, supported: 2 }), 'en').body).toContain('schema 3');
  expect(paneError(new CellWritesUnavailable('x'), 'nn').title).toBe('Kan ikkje skrive einskildceller enno');
  const unexpected = paneError(new TypeError('boom'), 'nb');
  expect(unexpected).toMatchObject({ title: 'Noe gikk galt', detail: 'boom' });
});

test('every string is used by the pane, as a key written out or under a prefix the pane completes', () => {
  const { readdirSync, readFileSync, statSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
  const { join } = jest.requireActual<typeof import('node:path')>('node:path');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
  const source = files(join(__dirname, '..', '..', '..', 'src'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  // Keys the pane builds from data: a refusal's code, a tab, a register, a severity, a parameter, a problem, a language, a state, an import field or skip reason, a printed document's kind.
  const built = [
    'error.templates.',
    'selfCheck.step.',
    'tab.',
    'register.kind.',
    'register.new.',
    'severity.',
    'settings.param.',
    'settings.problem.',
    'settings.list.problem.',
    'lang.',
    'templates.state.',
    'import.field.',
    'import.skip.',
    'print.filled.',
  ];
  const unused = Object.keys(paneStrings).filter((key) => !source.includes(`'${key}'`) && !built.some((prefix) => key.startsWith(prefix)));
  expect(unused).toEqual([]);
});
