/**
 * Browser mode's worker: it holds the open workbook and does everything that touches its bytes —
 * opening, reading, adding templates, writing, and the pane's services over it — so the page
 * stays free to answer the user however large the workbook is. Requests are done one at a time
 * in the order they came (one edit reads the bytes the previous one wrote), and each is answered
 * with its result or its error; progress, changes, cells to show and downloads are told as they
 * happen, and "idle" when nothing is left to do.
 */
import { buildWorkbookPlan } from '../../core/plan/buildWorkbookPlan';
import { newWorkbookInput } from '../../core/plan/newWorkbookInput';
import { todayOf } from '../../taskpane/services/paneClock';
import { crossingError } from './crossingErrors';
import { runService } from './workerServices';
import { WorkerWorkbook, type Post } from './workerWorkbook';
import type { RequestEnvelope, WorkerRequest } from './workerProtocol';

interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<RequestEnvelope>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const post: Post = (message, transfer) => scope.postMessage(message, transfer ?? []);

let workbook: WorkerWorkbook | undefined;
let queue: Promise<unknown> = Promise.resolve();
let pending = 0;

function opened(): WorkerWorkbook {
  if (!workbook) throw new Error('no workbook is open in the worker');
  return workbook;
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'open':
      post({ kind: 'progress', progress: { phase: 'opening' } });
      workbook = await WorkerWorkbook.open(request.bytes, post);
      return opened().listSheets();
    case 'create':
      post({ kind: 'progress', progress: { phase: 'writing' } });
      workbook = await WorkerWorkbook.create(
        buildWorkbookPlan(
          newWorkbookInput(
            request.lang,
            todayOf(() => new Date(request.now)),
          ),
        ),
        post,
      );
      return opened().listSheets();
    case 'data':
      post({ kind: 'progress', progress: { phase: 'preparing' } });
      // A copy: the workbook keeps its bytes, the page gets its own to save.
      return opened().data().slice();
    case 'listSheets':
      return opened().listSheets();
    case 'readSheet':
      return opened().readSheet(request.sheet);
    case 'readRows':
      return opened().readRows(request.sheet, request.from, request.to);
    case 'definedNames':
      return opened().definedNames();
    case 'applyPlan':
      return opened().applyPlan(request.plan);
    case 'appendRows':
      return opened().appendRows(request.table, request.rows);
    case 'appendTableColumn':
      return opened().appendTableColumn(request.table, request.column);
    case 'writeCells':
      return opened().writeCells(request.sheet, request.edits);
    case 'openCopy':
      return opened().openCopy(request.plan, request.fileName);
    case 'service':
      return runService(opened(), request.service, request.method, request.args, new Date(request.now));
  }
}

scope.onmessage = (event) => {
  const { id, request } = event.data;
  pending++;
  queue = queue
    .catch(() => undefined)
    .then(() => handle(request))
    .then(
      (value) => post({ kind: 'answer', id, value }, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []),
      (error: unknown) => post({ kind: 'failure', id, error: crossingError(error) }),
    )
    .finally(() => {
      if (--pending === 0) post({ kind: 'idle' });
    });
};
