/**
 * Where a tab's service runs. In Excel it runs in the pane, over the Office workbook. In browser
 * mode the workbook lives in a Web Worker, and a service run in the page would copy every row of
 * a large register across to it and work on them there, freezing the page; so there the service
 * runs in the worker, beside the data, and only its small answer crosses. A tab asks for its
 * service through paneService and does not know which of the two it got.
 */
import type { Clock } from './paneClock';
import type { PaneWorkbook } from './paneWorkbook';

/** Every pane service a tab uses, by the name the worker knows it under. */
export type ServiceName = 'templates' | 'register' | 'record' | 'evaluation' | 'validation' | 'summary' | 'settings' | 'print' | 'import';

/** A workbook that runs pane services where it lives. Arguments and answers must be plain data. */
export interface ServiceHost {
  callService(service: ServiceName, method: string, args: unknown[], now: Date): Promise<unknown>;
}

export function isServiceHost(workbook: object): workbook is ServiceHost {
  return typeof (workbook as Partial<ServiceHost>).callService === 'function';
}

/** Property reads that are not method calls (React, promises and JSON probe objects for them). */
const NOT_METHODS = new Set(['then', 'toJSON', 'constructor', '$$typeof']);

/**
 * The tab's service: made here by `local` over the workbook, or, when the workbook is a service
 * host, a stand-in with the same methods that runs each call there with the clock's reading.
 */
export function paneService<S extends object>(workbook: PaneWorkbook, name: ServiceName, clock: Clock, local: () => S): S {
  if (!isServiceHost(workbook)) return local();
  return new Proxy({} as S, {
    get: (_target, method) =>
      typeof method === 'string' && !NOT_METHODS.has(method) ? (...args: unknown[]) => workbook.callService(name, method, args, clock()) : undefined,
  });
}
