/**
 * The messages between browser mode's page and the worker that holds the workbook. Every request
 * carries an id its answer repeats; the worker also tells the page, unasked, how far a long piece
 * of work has come, that the workbook changed, that a cell should be shown, or that a file is
 * ready to download. Everything here is plain data that structured cloning copies.
 */
import type { Lang } from '../../core/content/language';
import type { CellEdit, TableColumnToAppend } from '../../core/port';
import type { PlanValue, WorkbookPlan } from '../../core/plan/workbookPlan';
import type { ServiceName } from '../../taskpane/services/paneService';

export type WorkerRequest =
  | { op: 'open'; bytes: Uint8Array }
  | { op: 'create'; lang: Lang; now: number }
  | { op: 'data' }
  | { op: 'listSheets' }
  | { op: 'readSheet'; sheet: string }
  | { op: 'readRows'; sheet: string; from: number; to: number }
  | { op: 'definedNames' }
  | { op: 'applyPlan'; plan: WorkbookPlan }
  | { op: 'appendRows'; table: string; rows: PlanValue[][] }
  | { op: 'appendTableColumn'; table: string; column: TableColumnToAppend }
  | { op: 'writeCells'; sheet: string; edits: CellEdit[] }
  | { op: 'openCopy'; plan: WorkbookPlan; fileName: string }
  | { op: 'service'; service: ServiceName; method: string; args: unknown[]; now: number };

/** What the page shows while the worker works. */
export type WorkProgress =
  | { phase: 'opening' }
  /** `sheet` is null for a sheet the user does not see (the metadata). */
  | { phase: 'reading'; sheet: string | null; fraction: number }
  | { phase: 'writing' }
  | { phase: 'preparing' };

/** An error as it crosses: its class name and code, its values, and its sentence said in each language. */
export interface CrossingError {
  name: string;
  code?: string;
  values: Record<string, string | number>;
  said: Record<Lang, string>;
  detail?: string;
  /** What some errors carry beside their sentence (a settings refusal's problems, a subject). */
  extra?: Record<string, unknown>;
}

export type WorkerMessage =
  | { kind: 'answer'; id: number; value: unknown }
  | { kind: 'failure'; id: number; error: CrossingError }
  | { kind: 'progress'; progress: WorkProgress }
  | { kind: 'idle' }
  | { kind: 'changed' }
  | { kind: 'select'; sheet: string; address: string }
  | { kind: 'download'; bytes: Uint8Array; fileName: string };

export interface RequestEnvelope {
  id: number;
  request: WorkerRequest;
}
