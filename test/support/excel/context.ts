/**
 * A request context: operations queue until `context.sync()`, which applies them in order and records
 * the round trip with the JSON size of its request and response (refused over Excel on the web's cap).
 */
import { fail } from './errors';
import type { ExcelStandIn, SyncRecord } from './standIn';
import { ApplicationProxy, WorkbookProxy } from './workbook';

/** Excel on the web's cap on one request and one response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface Operation {
  bytes: number;
  /** Applies the operation to the workbook; returns data for the response, if any. */
  apply(): (() => void) | void;
  responseBytes?: () => number;
}

export class StandInContext {
  private queue: Operation[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly book: ExcelStandIn) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  pending(): number {
    return this.queue.length;
  }

  enqueue(op: Operation): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((sum, op) => sum + op.bytes, 0) + 64;
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: ops.length };
    this.book.syncs.push(record);
    await Promise.resolve();
    if (this.book.cellEditMode && ops.length > 0) fail('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    // "Excel on the web has a payload size limit for requests and responses of 5MB" ("Resource limits
    // and performance optimization for Office Add-ins"); the error table names both codes, web only.
    if (requestBytes > PAYLOAD_LIMIT_BYTES) fail('RequestPayloadSizeLimitExceeded', `The request payload size (${requestBytes} bytes) has exceeded the limit.`);
    const general = this.book.options.generalExceptionAboveBytes;
    if (general !== undefined && requestBytes > general) fail('GeneralException', 'An internal error has occurred.');
    // A failed operation rejects the sync: those before it stay applied, no loaded data arrives.
    const commits: (() => void)[] = [];
    for (const op of ops) {
      const commit = op.apply();
      if (commit) commits.push(commit);
      record.responseBytes += op.responseBytes?.() ?? 0;
    }
    if (record.responseBytes > PAYLOAD_LIMIT_BYTES) fail('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    if (general !== undefined && record.responseBytes > general) fail('GeneralException', 'An internal error has occurred.');
    for (const commit of commits) commit();
  }
}
