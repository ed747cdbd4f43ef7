/**
 * The page's end of the worker that holds the workbook: requests sent with an id and answered by
 * it (errors given back their class), and what the worker tells unasked — progress, idle,
 * changes, a cell to show, a file to download — handed to whoever listens.
 */
import type { RequestEnvelope, WorkerMessage, WorkerRequest, WorkProgress } from './workerProtocol';

export interface WorkerEvents {
  /** The worker is at work (progress), or has nothing left to do (null). */
  onProgress(progress: WorkProgress | null): void;
  onChange(): void;
  onSelect(sheet: string, address: string): void;
  onDownload(bytes: Uint8Array, fileName: string): void;
}

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** The listeners a client starts with; the page sets its own once the workbook is shown. */
const QUIET: WorkerEvents = { onProgress: () => undefined, onChange: () => undefined, onSelect: () => undefined, onDownload: () => undefined };

export class WorkerClient {
  events: WorkerEvents = QUIET;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    worker.onerror = (event) => this.failAll(new Error(event.message || 'the workbook worker stopped'));
  }

  request<T>(request: WorkerRequest, transfer: Transferable[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const envelope: RequestEnvelope = { id, request };
      this.worker.postMessage(envelope, transfer);
    });
  }

  /** Stops the worker (another workbook was opened); what still waits fails. */
  close(): void {
    this.worker.terminate();
    this.failAll(new Error('the workbook was closed'));
  }

  private receive(message: WorkerMessage): void {
    switch (message.kind) {
      case 'answer':
        this.settle(message.id)?.resolve(message.value);
        break;
      case 'failure': {
        // The error classes come with the pane's strings: loaded when an error first arrives, not with the page.
        const waiting = this.settle(message.id);
        void import('./crossingErrors').then(({ revivedError }) => waiting?.reject(revivedError(message.error)));
        break;
      }
      case 'progress':
        this.events.onProgress(message.progress);
        break;
      case 'idle':
        this.events.onProgress(null);
        break;
      case 'changed':
        this.events.onChange();
        break;
      case 'select':
        this.events.onSelect(message.sheet, message.address);
        break;
      case 'download':
        this.events.onDownload(message.bytes, message.fileName);
        break;
    }
  }

  private settle(id: number): Waiting | undefined {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    return waiting;
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
