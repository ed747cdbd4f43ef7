/**
 * Every strings file in templates/ui passes the strings schema: each key has text in nb, nn and
 * en. The browser page and the task pane load theirs without zod, so this test is their check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringsFileSchema } from '../../../../src/core/content/contentSchema';
import { REPO } from '../../../support/sharedFiles';

const UI = join(REPO, 'templates/ui');
const files = readdirSync(UI).filter((f) => f.endsWith('.json'));

describe('templates/ui strings', () => {
  it('has the strings files the program loads', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'workbook.json',
        'taskpane.json',
        'rules.json',
        'cli.json',
        'cliAdd.json',
        'cliImport.json',
        'cliAggregate.json',
        'region.json',
        'browser.json',
        'evaluation.json',
      ]),
    );
  });

  it.each(files)('%s has text in nb, nn and en for every key', (file) => {
    const result = stringsFileSchema.safeParse(JSON.parse(readFileSync(join(UI, file), 'utf8')));
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual([]);
  });

  it.each(files)('%s uses the same placeholders in every language', (file) => {
    const strings = JSON.parse(readFileSync(join(UI, file), 'utf8')) as Record<string, Record<string, string>>;
    const placeholders = (text: string) =>
      [...text.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    const differing = Object.entries(strings).filter(([, t]) => placeholders(t.nb) !== placeholders(t.nn) || placeholders(t.nb) !== placeholders(t.en));
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});
