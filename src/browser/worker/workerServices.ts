/**
 * The pane's services as the worker runs them: one of each per workbook, made at its first call
 * and kept, as a tab keeps its service in the page (the register form remembers the id it showed
 * for a blank field, and a save writes that id). Each call runs with a clock fixed at the page's
 * reading of its own clock when the call was made (the page may fix the day with ?today=); the
 * worker does one request at a time, so a call's clock is not changed under it.
 */
import { EvaluationService } from '../../taskpane/services/evaluationService';
import { ImportService } from '../../taskpane/services/importService';
import type { Clock } from '../../taskpane/services/paneClock';
import type { ServiceName } from '../../taskpane/services/paneService';
import { RecordService } from '../../taskpane/services/recordService';
import { PrintService } from '../../taskpane/services/printService';
import { RegisterService } from '../../taskpane/services/registerService';
import { SettingsService } from '../../taskpane/services/settingsService';
import { SummaryService } from '../../taskpane/services/summaryService';
import { TemplateService } from '../../taskpane/services/templateService';
import { ValidationService } from '../../taskpane/services/validationService';
import type { WorkerWorkbook } from './workerWorkbook';

const SERVICES: Record<ServiceName, (workbook: WorkerWorkbook, clock: Clock) => object> = {
  templates: (workbook, clock) => new TemplateService(workbook, clock),
  register: (workbook, clock) => new RegisterService(workbook, clock),
  record: (workbook) => new RecordService(workbook),
  evaluation: (workbook, clock) => new EvaluationService(workbook, clock),
  validation: (workbook, clock) => new ValidationService(workbook, clock),
  summary: (workbook, clock) => new SummaryService(workbook, clock),
  settings: (workbook) => new SettingsService(workbook),
  print: (workbook) => new PrintService(workbook),
  import: (workbook, clock) => new ImportService(workbook, clock),
};

/** A workbook's services and the page's time of the call being run. */
interface Services {
  now: Date;
  made: Map<ServiceName, object>;
}

const byWorkbook = new WeakMap<WorkerWorkbook, Services>();

function serviceOf(workbook: WorkerWorkbook, name: ServiceName, now: Date): Record<string, unknown> {
  let services = byWorkbook.get(workbook);
  if (!services) byWorkbook.set(workbook, (services = { now, made: new Map() }));
  services.now = now;
  const own = services;
  let service = own.made.get(name);
  if (!service) own.made.set(name, (service = SERVICES[name](workbook, () => own.now)));
  return service as Record<string, unknown>;
}

export async function runService(workbook: WorkerWorkbook, name: ServiceName, method: string, args: unknown[], now: Date): Promise<unknown> {
  const service = serviceOf(workbook, name, now);
  const call = service[method];
  if (typeof call !== 'function') throw new Error(`the ${name} service has no method ${method}`);
  return (call as (...a: unknown[]) => Promise<unknown>).apply(service, args);
}
