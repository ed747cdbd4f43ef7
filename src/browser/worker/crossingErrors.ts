/**
 * Errors across the worker boundary. Structured cloning keeps an error's message but not its class
 * or its sentence (a phrase says itself by a function), so the worker sends what the page needs:
 * the class name, code and values, and the sentence already said in each language. The page gives
 * the errors the pane recognises by class (paneError, the settings tab) their class back; any
 * other becomes a WorkerFailure that says the sentence the worker said.
 */
import { LANGUAGES, type Lang } from '../../core/content/language';
import { WorkbookActionError, type WorkbookActionErrorCode } from '../../core/port';
import { phraseOf, SamspillError } from '../../core/samspillError';
import { CellWritesUnavailable } from '../../taskpane/services/cellWriter';
import { SettingsRefusal, type ParameterProblem } from '../../taskpane/services/settingsRefusal';
import { TemplateRefusal, type TemplateRefusalCode } from '../../taskpane/services/templateRefusal';
import type { CrossingError } from './workerProtocol';

/** An error raised in the worker that the page knows by its sentence only. */
export class WorkerFailure extends SamspillError<string> {
  override readonly name = 'WorkerFailure';

  constructor(crossing: CrossingError) {
    super(crossing.code ?? crossing.name, crossing.values, { say: (lang: Lang) => crossing.said[lang] }, { detail: crossing.detail });
  }
}

function plainValues(values: unknown): Record<string, string | number> {
  const plain: Record<string, string | number> = {};
  for (const [key, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number') plain[key] = value;
  }
  return plain;
}

/** In the worker: the error as it can cross. */
export function crossingError(error: unknown): CrossingError {
  const phrase = phraseOf(error);
  const said = Object.fromEntries(LANGUAGES.map((lang) => [lang, phrase.say(lang)])) as Record<Lang, string>;
  if (!(error instanceof SamspillError)) return { name: error instanceof Error ? error.name : 'Error', values: {}, said };
  const extra: Record<string, unknown> = {};
  if (error instanceof SettingsRefusal) extra.problems = error.problems;
  if (error instanceof WorkbookActionError) Object.assign(extra, { subject: error.subject, officeCode: error.officeCode });
  return { name: error.name, code: error.code, values: plainValues(error.values), said, detail: error.detail, extra };
}

/** In the page: the error again, of its own class where the pane tells errors apart by class. */
export function revivedError(crossing: CrossingError): Error {
  const extra = crossing.extra ?? {};
  switch (crossing.name) {
    case 'TemplateRefusal':
      return new TemplateRefusal(crossing.code as TemplateRefusalCode, crossing.values);
    case 'CellWritesUnavailable':
      return new CellWritesUnavailable(crossing.detail ?? '');
    case 'SettingsRefusal':
      return new SettingsRefusal(extra.problems as ParameterProblem[]);
    case 'WorkbookActionError':
      return new WorkbookActionError(
        crossing.code as WorkbookActionErrorCode,
        crossing.detail ?? '',
        extra.subject as string | undefined,
        extra.officeCode as string | undefined,
      );
    default:
      return new WorkerFailure(crossing);
  }
}
