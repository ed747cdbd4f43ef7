/**
 * The pane's services as the worker runs them: each call is made on a fresh service over the
 * worker's workbook, with a clock fixed at the page's reading of its own clock when the call was
 * made (the page may fix the day with ?today=). The services keep no state between calls.
 */
import { AgreementFormService } from '../../taskpane/services/agreementFormService';
import { EvaluationService } from '../../taskpane/services/evaluationService';
import { ImportService } from '../../taskpane/services/importService';
import type { Clock } from '../../taskpane/services/paneClock';
import type { ServiceName } from '../../taskpane/services/paneService';
import { RegisterService } from '../../taskpane/services/registerService';
import { SettingsService } from '../../taskpane/services/settingsService';
import { SummaryService } from '../../taskpane/services/summaryService';
import { TemplateService } from '../../taskpane/services/templateService';
import { ValidationService } from '../../taskpane/services/validationService';
import type { WorkerWorkbook } from './workerWorkbook';

const SERVICES: Record<ServiceName, (workbook: WorkerWorkbook, clock: Clock) => object> = {
  templates: (workbook, clock) => new TemplateService(workbook, clock),
  register: (workbook, clock) => new RegisterService(workbook, clock),
  evaluation: (workbook, clock) => new EvaluationService(workbook, clock),
  validation: (workbook, clock) => new ValidationService(workbook, clock),
  summary: (workbook, clock) => new SummaryService(workbook, clock),
  settings: (workbook) => new SettingsService(workbook),
  agreementForm: (workbook) => new AgreementFormService(workbook),
  import: (workbook, clock) => new ImportService(workbook, clock),
};

export async function runService(workbook: WorkerWorkbook, name: ServiceName, method: string, args: unknown[], now: Date): Promise<unknown> {
  const service = SERVICES[name](workbook, () => now) as Record<string, unknown>;
  const call = service[method];
  if (typeof call !== 'function') throw new Error(`the ${name} service has no method ${method}`);
  return (call as (...a: unknown[]) => Promise<unknown>).apply(service, args);
}
