/**
 * The settings sheet shows where its defaults come from: hours per full-time equivalent from the
 * report's lines 1305–1307 (lines, not pages), value per hour from Statistics Norway's method with
 * the year and a caution about the figures' provenance, each in a basis column beside the value.
 */
import { workbookStrings } from '../../../../src/core/content/content';
import { LANGUAGES } from '../../../../src/core/content/language';
import { defaultSettings, PARAMETERS, parameterRow } from '../../../../src/core/model/settingsModel';
import { settingsSheet } from '../../../../src/core/plan/settingsSheet';

const textAt = (lang: (typeof LANGUAGES)[number], row: number, col: number) =>
  settingsSheet('Innstillinger', lang, defaultSettings(lang)).sheet.cells.find((c) => c.row === row && c.col === col)?.value;

describe('the settings sheet', () => {
  it.each(LANGUAGES)('(%s) shows the basis of hours per FTE and value per hour beside their values', (lang) => {
    const fte = String(textAt(lang, parameterRow('hoursPerFte'), 4));
    expect(fte).toContain('000_816c9c010d52404f.txt');
    expect(fte).toMatch(/1305–1307/);
    expect(fte).toMatch(/113[  ,]500/);
    const value = String(textAt(lang, parameterRow('valuePerHour'), 4));
    expect(value).toMatch(/SSB|Statistics Norway/);
    expect(value).toContain('2018');
    expect(value).toContain('08538');
    expect(value).toContain('ssb.no');
    expect(textAt(lang, 3, 4)).toBe(workbookStrings.text('settings.basis', lang));
  });

  it('cites lines as lines, never as pages', () => {
    for (const lang of LANGUAGES) {
      for (const p of PARAMETERS) {
        const help = workbookStrings.text(`settings.param.${p.key}.help`, lang);
        expect([p.key, lang, /\bs\. \d/.test(help)]).toEqual([p.key, lang, false]);
      }
    }
  });

  it('defaults the value per hour to the method-based figure, and keeps each help text within the 255 characters of an Excel input message', () => {
    expect(PARAMETERS.find((p) => p.key === 'valuePerHour')!.default).toBe(310);
    // 78 billion ÷ 142 000 FTEs ÷ 1 762 hours, rounded to tens.
    expect(Math.round(78e9 / 142_000 / 1762 / 10) * 10).toBe(310);
    for (const lang of LANGUAGES)
      for (const p of PARAMETERS) expect(workbookStrings.text(`settings.param.${p.key}.help`, lang).length).toBeLessThanOrEqual(255);
    for (const p of PARAMETERS.filter((x) => x.source)) expect([p.key, p.basis]).toEqual([p.key, true]);
  });
});
