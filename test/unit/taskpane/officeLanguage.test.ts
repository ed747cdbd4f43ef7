import { paneLanguage } from '../../../src/taskpane/officeLanguage';

describe('paneLanguage', () => {
  it.each([
    ['nn-NO', 'nn'],
    ['nn', 'nn'],
    ['NN-no', 'nn'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['nb', 'nb'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['en', 'en'],
    ['sv-SE', 'nb'],
    ['de-DE', 'nb'],
  ])('maps the Office display language %s to %s', (office, expected) => {
    expect(paneLanguage(office, 'en-US')).toBe(expected);
  });

  it("uses the browser's language only when Office gives none", () => {
    expect(paneLanguage(undefined, 'nn-NO')).toBe('nn');
    expect(paneLanguage(null, 'en-GB')).toBe('en');
    expect(paneLanguage('  ', 'en-GB')).toBe('en');
    expect(paneLanguage('nb-NO', 'en-GB')).toBe('nb');
  });

  it('falls back to bokmål when neither Office nor the browser names a language', () => {
    expect(paneLanguage(undefined, undefined)).toBe('nb');
    expect(paneLanguage('', '')).toBe('nb');
  });
});
