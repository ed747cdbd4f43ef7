/**
 * The named styles of styles.ts, rendered as exceljs cell styles. The one place where a StyleSpec
 * becomes fonts, fills, borders and number formats in an .xlsx file.
 */
import type ExcelJS from 'exceljs';
import { BRAND_COLOR, STYLES, type StyleSpec } from '../../../core/plan/styles';
import type { StyleKey } from '../../../core/plan/workbookPlan';

/** exceljs colours carry an alpha byte in front of the RGB. */
export function argb(rgb: string): { argb: string } {
  return { argb: `FF${rgb.replace(/^#/, '').toUpperCase()}` };
}

function font(spec: StyleSpec): Partial<ExcelJS.Font> | undefined {
  if (!spec.font && !spec.bold && !spec.italic && !spec.size && !spec.color) return undefined;
  const result: Partial<ExcelJS.Font> = {};
  if (spec.font) result.name = spec.font;
  if (spec.bold) result.bold = true;
  if (spec.italic) result.italic = true;
  if (spec.size) result.size = spec.size;
  if (spec.color) result.color = argb(spec.color);
  return result;
}

function alignment(spec: StyleSpec): Partial<ExcelJS.Alignment> | undefined {
  if (!spec.wrap && !spec.align && !spec.verticalTop && !spec.verticalBottom) return undefined;
  const result: Partial<ExcelJS.Alignment> = {};
  if (spec.align) result.horizontal = spec.align;
  if (spec.verticalTop) result.vertical = 'top';
  if (spec.verticalBottom) result.vertical = 'bottom';
  if (spec.wrap) result.wrapText = true;
  return result;
}

function toExcelStyle(spec: StyleSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const f = font(spec);
  if (f) style.font = f;
  if (spec.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(spec.fill), bgColor: argb(spec.fill) };
  if (spec.numFmt) style.numFmt = spec.numFmt;
  const a = alignment(spec);
  if (a) style.alignment = a;
  if (spec.borderBottom) style.border = { bottom: { style: 'thin', color: argb(BRAND_COLOR) } };
  if (spec.unlocked) style.protection = { locked: false };
  return style;
}

const cache = new Map<StyleKey, Partial<ExcelJS.Style>>();

/**
 * The exceljs style of a named style. A fresh copy each call: exceljs shares style objects between
 * cells by reference, and a later change to one cell (unlocking it) must not leak into others.
 */
export function excelStyle(key: StyleKey): Partial<ExcelJS.Style> {
  let style = cache.get(key);
  if (!style) {
    style = toExcelStyle(STYLES[key]);
    cache.set(key, style);
  }
  return structuredClone(style);
}
