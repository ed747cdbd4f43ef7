/**
 * The named styles of styles.ts rendered through Office.js. Cells sharing a style are gathered into
 * as few rectangles as possible, each formatted with one range (never a `getRanges` list, whose
 * separator is the user's on Windows), so a sheet costs a handful of formatting calls per style
 * whatever its row count.
 */
import { BRAND_COLOR, STYLES, type StyleSpec } from '../../core/plan/styles';
import type { StyleKey } from '../../core/plan/workbookPlan';
import { areaAddress } from '../../core/model/a1';

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Rectangles covering the given cells (and the given single-column runs) exactly: vertical runs
 * per column, joined across neighbouring columns with the same rows.
 */
export function coveringAreas(cells: Iterable<{ row: number; col: number }>, columnRuns: readonly Area[] = []): Area[] {
  const rowsByCol = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const rows = rowsByCol.get(col);
    if (rows) rows.push(row);
    else rowsByCol.set(col, [row]);
  }
  const runs: Area[] = [];
  for (const col of [...rowsByCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(rowsByCol.get(col))].sort((a, b) => a - b);
    let top = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      runs.push({ top, bottom: rows[i - 1], left: col, right: col });
      top = rows[i];
    }
  }
  runs.push(...columnRuns);
  runs.sort((a, b) => a.left - b.left || a.top - b.top);
  return joinAcrossColumns(runs);
}

/** Runs are sorted by column; a run continues an area ending in the previous column with the same rows. */
function joinAcrossColumns(runs: Area[]): Area[] {
  const open = new Map<string, Area>();
  const areas: Area[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const area = open.get(key);
    if (area && area.right === run.left - 1) {
      area.right = run.right;
    } else {
      const fresh = { ...run };
      open.set(key, fresh);
      areas.push(fresh);
    }
  }
  return areas;
}

export function addressOf(area: Area): string {
  return areaAddress(area.top, area.left, area.bottom, area.right);
}

function hex(rgb: string): string {
  return `#${rgb.replace(/^#/, '').toUpperCase()}`;
}

const ALIGNMENT = { left: 'Left', center: 'Center', right: 'Right' } as const;

/** Applies everything of a style except the number format (RangeAreas has none) to a format object. */
export function applyStyleFormat(format: Excel.RangeFormat, spec: StyleSpec): void {
  if (spec.font) format.font.name = spec.font;
  if (spec.bold) format.font.bold = true;
  if (spec.italic) format.font.italic = true;
  if (spec.size) format.font.size = spec.size;
  if (spec.color) format.font.color = hex(spec.color);
  if (spec.fill) format.fill.color = hex(spec.fill);
  if (spec.wrap) format.wrapText = true;
  if (spec.align) format.horizontalAlignment = ALIGNMENT[spec.align];
  if (spec.verticalTop) format.verticalAlignment = 'Top';
  if (spec.verticalBottom) format.verticalAlignment = 'Bottom';
  if (spec.borderBottom) setBottomBorder(format, 'EdgeBottom');
  if (spec.unlocked) format.protection.locked = false;
}

/**
 * A bottom border on every cell of a rectangle is its bottom edge plus the lines between its rows;
 * the caller sets the inside lines only on rectangles that have more than one row.
 */
export function setBottomBorder(format: Excel.RangeFormat, edge: 'EdgeBottom' | 'InsideHorizontal'): void {
  const border = format.borders.getItem(edge);
  border.style = 'Continuous';
  border.weight = 'Thin';
  border.color = hex(BRAND_COLOR);
}

/** True when the style changes anything a RangeFormat holds. */
export function hasFormat(spec: StyleSpec): boolean {
  return Boolean(
    spec.font ||
    spec.bold ||
    spec.italic ||
    spec.size ||
    spec.color ||
    spec.fill ||
    spec.wrap ||
    spec.align ||
    spec.verticalTop ||
    spec.verticalBottom ||
    spec.borderBottom ||
    spec.unlocked,
  );
}

export function styleSpec(key: StyleKey): StyleSpec {
  return STYLES[key];
}

/**
 * Office.js sets widths in points, the plan gives Excel's character widths. Excel's own rule:
 * pixels = chars × 7 (the digit width of Calibri 11) + 5 of padding; a pixel is 0.75 pt at 96 dpi.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
