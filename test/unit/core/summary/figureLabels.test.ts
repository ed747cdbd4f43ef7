/**
 * Issue 15, points 10–15: each label says what its figure counts, the change section's colours
 * mean better and worse, names point at what they name, the leaders' sheet shows words (no keys,
 * no commands), and every figure has a definition the sheet shows in all three languages.
 */
import { content, itemLabel, valueList } from '../../../../src/core/content/content';
import { LANGUAGES } from '../../../../src/core/content/language';
import { isoToSerial as d } from '../../../../src/core/model/dates';
import { buildWorkbookPlan, workbookData } from '../../../../src/core/plan/buildWorkbookPlan';
import { isFormula, type PlannedSheet, type WorkbookPlan } from '../../../../src/core/plan/workbookPlan';
import { parseCellReference } from '../../../../src/core/model/a1';
import { figureValues, summarySections } from '../../../../src/core/summary/summaryFigures';
import { publicWorkbookPlan } from '../../../../src/core/summary/publicCopy';
import { refreshSummary } from '../../../../src/core/evaluation/summaryRefresh';
import { demoWorkbook } from '../../../../src/core/demo/demoWorkbook';
import { newWorkbookInput } from '../../../../src/core/plan/newWorkbookInput';
import type { RegisterRecord } from '../../../../src/core/model/workbookData';

const RD = d('2026-06-30');
const rating = (key: string) => itemLabel('ratingScale', key, 'nb');

/** Two rounds: 2025 and 2026, rated by hand as the comments say. */
function evaluated() {
  const input = newWorkbookInput('nb', RD);
  input.settings.reportDate = RD;
  const statements = content().checklist.statements;
  const promoter = statements.find((s) => s.kind === 'promoter' && s.factor === 'economy')!;
  const barrier = statements.find((s) => s.kind === 'barrier' && s.factor === 'economy')!;
  const row = (round: string, key: string, r: string | null): RegisterRecord => ({ round: d(round), statementId: key, rating: r });
  // 2026: all 74 statements; 3 agree, 2 partly, 1 disagree, 2 not relevant, 1 don't know, the rest blank.
  const ratings2026 = ['agree', 'agree', 'agree', 'partly', 'partly', 'disagree', 'notRelevant', 'notRelevant', 'dontKnow'];
  // The rated ones among the others are outside the economy factor, so its percentages are the two statements above.
  const others = [...statements.filter((s) => s.factor !== 'economy'), ...statements.filter((s) => s.factor === 'economy' && s !== promoter && s !== barrier)];
  input.records.checklist = [
    // 2025: the economy promoter not in place (0 %), the economy barrier present (100 %).
    row('2025-05-01', promoter.key, rating('disagree')),
    row('2025-05-01', barrier.key, rating('agree')),
    // 2026: the promoter partly in place (50 %: better, +50), the barrier partly present (50 %: better, −50).
    row('2026-05-01', promoter.key, rating('partly')),
    row('2026-05-01', barrier.key, rating('partly')),
    ...others.map((s, i) => row('2026-05-01', s.key, i < ratings2026.length ? rating(ratings2026[i]) : null)),
  ];
  return input;
}

function textCells(sheet: PlannedSheet): string[] {
  return sheet.cells.flatMap((c) =>
    typeof c.value === 'string' ? [c.value] : isFormula(c.value) && typeof c.value.result === 'string' ? [c.value.result] : [],
  );
}

function namedCell(plan: WorkbookPlan, name: string) {
  const ref = parseCellReference(plan.names.find((n) => n.name === name)!.refersTo)!;
  const sheet = plan.sheets.find((s) => s.name === ref.sheet)!;
  const { row, col } = { row: Number(/\d+/.exec(ref.address)![0]), col: ref.address.charCodeAt(0) - 64 };
  return sheet.cells.find((c) => c.row === row && c.col === col);
}

describe('labels that say what they count', () => {
  const input = evaluated();
  const sections = summarySections(workbookData(input), RD);
  const values = figureValues(sections);
  const figure = (name: string) => sections.flatMap((s) => s.figures).find((f) => f.name === name)!;

  it('10: shows statements rated (agree, partly, disagree) apart from those not assessed', () => {
    // Rated in 2026: the two economy statements (partly, partly) + 3 agree + 2 partly + 1 disagree = 8.
    expect(values.get('kpi_eval_statements_rated')).toBe(8);
    // Not assessed: every other statement of the checklist (2 not relevant, 1 don't know, the rest blank).
    expect(values.get('kpi_eval_statements_not_assessed')).toBe(content().checklist.statements.length - 8);
    expect(figure('kpi_eval_statements_rated').label).toMatch(/stemmer, stemmer delvis eller stemmer ikke/);
    expect(figure('kpi_eval_statements_not_assessed').label).toMatch(/ikke relevant, vet ikke eller tomt/);
  });

  it('11: "Årsverk hittil i år", and core volunteers on average, with the threshold from the settings', () => {
    expect(figure('kpi_fte').label).toBe('Årsverk hittil i år');
    expect(figure('kpi_core_volunteers').label).toBe('Kjernefrivillige (i snitt minst 10 timer i måneden siste 12 måneder)');
    const eight = evaluated();
    eight.settings.coreHoursPerMonth = 8;
    const label = summarySections(workbookData(eight), RD)
      .flatMap((s) => s.figures)
      .find((f) => f.name === 'kpi_core_volunteers')!;
    expect(label.labelFormula?.formula).toContain('cfg_core_hours_per_month');
    expect(label.labelFormula?.result).toContain('minst 8 timer');
  });

  it('12: the change since the last round is green when better and red when worse, not blue and red by kind', () => {
    expect(values.get('kpi_eval_economy_promoters_change')).toBe(50);
    expect(values.get('kpi_eval_economy_barriers_change')).toBe(-50);
    const plan = buildWorkbookPlan(input);
    expect(namedCell(plan, 'kpi_eval_economy_promoters_change')?.style).toBe('changeBetter');
    expect(namedCell(plan, 'kpi_eval_economy_barriers_change')?.style).toBe('changeBetter');
    const summary = plan.sheets.find((s) => s.key === 'summary')!;
    const trend = sections.find((s) => s.key === 'evaluationTrend')!;
    expect(trend.bars).toBe(false);
    expect(String(trend.note)).toMatch(/Grønt er bedre/);
    // No data bars over the change rows.
    const changeRow = namedCell(plan, 'kpi_eval_economy_promoters_change')!.row;
    expect(summary.dataBars.filter((b) => new RegExp(`^[BC](\\d+):[BC](\\d+)$`).test(b.range) && inside(b.range, changeRow))).toEqual([]);
    // A barrier that grew is worse.
    const worse = evaluated();
    worse.records.checklist = worse.records.checklist.map((r) =>
      r.round === d('2025-05-01') && r.rating === rating('agree') ? { ...r, rating: rating('disagree') } : r,
    );
    expect(namedCell(buildWorkbookPlan(worse), 'kpi_eval_economy_barriers_change')?.style).toBe('changeWorse');
  });

  it('13: kpi_eval_top_barrier_N names the cell that holds the barrier; its recommendation has a name of its own', () => {
    const plan = buildWorkbookPlan(input);
    const cell = namedCell(plan, 'kpi_eval_top_barrier_1')!;
    expect(String(cell.value)).toMatch(/^1\. [^:]+: .+/);
    expect(String(cell.value)).toContain(values.get('kpi_eval_top_barrier_1') as string);
    expect(String(namedCell(plan, 'kpi_eval_top_barrier_1_recommended')!.value)).toMatch(/^Stemmer/);
  });
});

function inside(range: string, row: number): boolean {
  const [a, b] = range.split(':').map((x) => Number(/\d+/.exec(x)![0]));
  return row >= a && row <= b;
}

describe('14: the leaders see words, never keys or commands', () => {
  const keys = new Set<string>([
    ...content().checklist.statements.map((s) => s.key),
    ...content().checklist.instruments.map((i) => i.key),
    ...content().checklist.factors.map((f) => f.key),
    ...valueList('ratingScale').items.map((i) => i.key),
  ]);
  const demo = demoWorkbook({ lang: 'nb', seed: 3, today: RD, volunteers: 60 });
  const refresh = refreshSummary(workbookData(demo.input), RD, '2026-06-30 12:00');
  const sheets: [string, PlannedSheet[]][] = [
    ['the full summary', buildWorkbookPlan(demo.input).sheets.filter((s) => s.key === 'summary')],
    ['the public copy', publicWorkbookPlan(refresh).sheets],
  ];

  it.each(sheets)('%s', (_, planned) => {
    const texts = planned.flatMap((s) => [
      ...textCells(s),
      ...s.tables.flatMap((t) => [...t.headers, ...t.rows.flat().filter((v): v is string => typeof v === 'string')]),
    ]);
    expect(texts.filter((t) => /samspill (summary|new|add|validate)|«samspill/i.test(t))).toEqual([]);
    expect(texts.filter((t) => t.split(/[\s,.:;()«»"]+/).some((word) => keys.has(word)))).toEqual([]);
  });
});

describe('15: every figure has a one-line definition, shown on the sheet in nb, nn and en', () => {
  it.each(LANGUAGES)('%s', (lang) => {
    const input = demoWorkbook({ lang, seed: 3, today: RD, volunteers: 40 }).input;
    const sections = summarySections(workbookData(input), RD);
    const figures = sections.filter((s) => s.key !== 'definitions').flatMap((s) => s.figures);
    expect(figures.filter((f) => !f.definition).map((f) => f.name)).toEqual([]);
    const definitions = sections.find((s) => s.key === 'definitions')!;
    expect(definitions.title).toBe({ nb: 'Slik regnes tallene', nn: 'Slik vert tala rekna ut', en: 'How the figures are computed' }[lang]);
    const summary = buildWorkbookPlan(input).sheets.find((s) => s.key === 'summary')!;
    const shown = new Set(textCells(summary));
    for (const f of definitions.figures) expect(shown.has(f.value as string)).toBe(true);
    // One line each, and the rule for "active" first.
    expect(definitions.figures.length).toBeGreaterThan(25);
    expect(String(definitions.figures[0].value)).toMatch(lang === 'en' ? /^An agreement or volunteer is active/ : /^Ei?n avtale eller frivillig er aktiv/);
  });
});
