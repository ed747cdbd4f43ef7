/** The recorded workbook: sheets, cells, formats, validations, tables and names as plain data, for tests to inspect. */
import { MAX_COLS, type Area } from './addresses';

export type Scalar = string | number | boolean;
export type CellResult = Scalar | { error: string };

export interface Border {
  style?: string;
  weight?: string;
  color?: string;
}

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders: { top?: Border; bottom?: Border; left?: Border; right?: Border };
  locked: boolean;
}

export interface CellModel {
  /** '' for an empty cell; for a formula cell, what `calculate` gave. */
  value: CellResult | '';
  formula?: string;
  /** The cell was written with Excel's text prefix (an apostrophe). */
  quotePrefix?: boolean;
  numberFormat: string;
  format: CellFormat;
}

export interface ValidationModel {
  area: Area;
  rule?: Record<string, Record<string, unknown>>;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks: boolean;
}

export interface ChartModel {
  type: string;
  source: Area;
  seriesBy: string;
  title: string;
  position: { from: string; to: string } | null;
}

export interface ConditionalFormatModel {
  area: Area;
  type: string;
  dataBar: { positiveFormat: Record<string, unknown>; barDirection?: string };
}

export interface TableModel {
  id: number;
  name: string;
  sheet: SheetModel;
  /** Header row included. */
  area: Area;
  style: string;
}

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export class SheetModel {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  readonly cells = new Map<number, CellModel>();
  readonly validations: ValidationModel[] = [];
  readonly merges: Area[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points set through range.format.rowHeight (rows absent keep Excel's default). */
  readonly rowHeights = new Map<number, number>();
  /** Rows a manual page break stands above (horizontalPageBreaks.add puts it before the range's top-left cell). */
  readonly pageBreaksBefore: number[] = [];
  freeze: { rows: number; cols: number } | null = null;
  /** `password` is set when the user protected the sheet with one (the tests' stand-in for Excel's hash). */
  protection: { protected: boolean; options: Record<string, unknown>; password?: string } = { protected: false, options: {} };
  printArea: string | null = null;
  pageLayout: { orientation?: string; paperSize?: string; zoom?: Record<string, unknown>; centerFooter?: string } = {};

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  private static key(row: number, col: number): number {
    return row * MAX_COLS + (col - 1);
  }

  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(SheetModel.key(row, col));
  }

  cellForWrite(row: number, col: number): CellModel {
    const k = SheetModel.key(row, col);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: '', numberFormat: 'General', format: { borders: {}, locked: true } };
      this.cells.set(k, cell);
    }
    return cell;
  }

  deleteCell(row: number, col: number): void {
    this.cells.delete(SheetModel.key(row, col));
  }

  moveCell(row: number, col: number, toRow: number): void {
    const from = SheetModel.key(row, col);
    const cell = this.cells.get(from);
    this.cells.delete(from);
    if (cell) this.cells.set(SheetModel.key(toRow, col), cell);
  }

  /** Moves a cell to another row and column (an empty target: callers move from the far end). */
  moveCellTo(row: number, col: number, toRow: number, toCol: number): void {
    const from = SheetModel.key(row, col);
    const cell = this.cells.get(from);
    this.cells.delete(from);
    if (cell) this.cells.set(SheetModel.key(toRow, toCol), cell);
  }

  /** Bounding box of cells with content (valuesOnly) or also with formatting. */
  usedArea(valuesOnly: boolean, within?: Area): Area | null {
    let area: Area | null = null;
    for (const [k, cell] of this.cells) {
      const hasValue = cell.value !== '' || cell.formula !== undefined;
      if (!hasValue && (valuesOnly || isDefaultCell(cell))) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = (k % MAX_COLS) + 1;
      if (within && (row < within.top || row > within.bottom || col < within.left || col > within.right)) continue;
      if (!area) area = { top: row, bottom: row, left: col, right: col };
      else {
        area.top = Math.min(area.top, row);
        area.bottom = Math.max(area.bottom, row);
        area.left = Math.min(area.left, col);
        area.right = Math.max(area.right, col);
      }
    }
    return area;
  }
}

function isDefaultCell(cell: CellModel): boolean {
  const { borders, locked, ...rest } = cell.format;
  return cell.numberFormat === 'General' && locked && Object.keys(borders).length === 0 && Object.values(rest).every((v) => v === undefined);
}
