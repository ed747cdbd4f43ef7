/** Data validation: `range.dataValidation`, its rule checked as Excel checks it and its texts held to Excel's limits. */
import { contains, overlaps, sameArea } from './addresses';
import { ClientObject } from './clientObject';
import type { StandInContext } from './context';
import { fail } from './errors';
import type { ValidationModel } from './model';
import { assertEditable } from './protection';
import { assertBounded, type AreaSource } from './rangeTargets';

const TEXT_LIMITS = { promptTitle: 32, promptMessage: 255, errorTitle: 32, errorMessage: 225 };
const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
const TERNARY = ['Between', 'NotBetween'];

function assertRule(rule: unknown): asserts rule is Record<string, Record<string, unknown>> {
  if (typeof rule !== 'object' || rule === null) fail('InvalidArgument', 'A data validation rule must be an object.');
  const kinds = Object.keys(rule as object).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1) fail('InvalidArgument', `A data validation rule takes exactly one criterion, got ${kinds.join(', ') || 'none'}.`);
  const kind = kinds[0];
  const body = (rule as Record<string, Record<string, unknown>>)[kind];
  if (kind === 'list') {
    if (typeof body.source !== 'string' || body.source === '' || body.source === '=') fail('InvalidArgument', 'A list rule needs a source.');
    return;
  }
  if (kind === 'custom') {
    if (typeof body.formula !== 'string' || !body.formula.startsWith('=')) fail('InvalidArgument', 'A custom rule needs a formula.');
    return;
  }
  if (!['wholeNumber', 'decimal', 'textLength', 'date', 'time'].includes(kind)) fail('InvalidArgument', `Unknown data validation criterion ${kind}.`);
  if (!OPERATORS.includes(body.operator as string)) fail('InvalidArgument', `Unknown operator ${String(body.operator)}.`);
  const operands = TERNARY.includes(body.operator as string) ? ['formula1', 'formula2'] : ['formula1'];
  for (const name of operands) {
    const operand = body[name];
    if (operand === undefined || operand === null || operand === '') fail('InvalidArgument', `${kind}: ${name} is missing.`);
    if (typeof operand === 'string' && operand.startsWith('=')) continue;
    const ok =
      kind === 'date' || kind === 'time'
        ? operand instanceof Date || (typeof operand === 'string' && !Number.isNaN(Date.parse(operand)))
        : typeof operand === 'number' || (typeof operand === 'string' && operand.trim() !== '' && Number.isFinite(Number(operand)));
    if (!ok) fail('InvalidArgument', `${kind}: ${name} ${String(operand)} is not valid.`);
  }
}

export class DataValidationProxy extends ClientObject {
  protected readonly loadable = ['rule', 'prompt', 'errorAlert', 'ignoreBlanks', 'type'] as const;

  constructor(
    context: StandInContext,
    path: string,
    private readonly target: AreaSource,
  ) {
    super(context, path);
  }

  protected resolve(): unknown {
    return this.target();
  }

  /** The validation of exactly this range, made on first use; an overlapping different one is refused. */
  private entry(): ValidationModel {
    const { sheet, areas } = this.target();
    if (areas.length !== 1) fail('NotImplemented', 'stand-in: data validation over several areas');
    const area = areas[0];
    assertBounded(areas);
    assertEditable(this.book(), sheet, areas, 'structure');
    const same = sheet.validations.find((v) => sameArea(v.area, area));
    if (same) return same;
    if (sheet.validations.some((v) => overlaps(v.area, area))) fail('InvalidOperation', 'The range overlaps another data validation; clear it first.');
    const created: ValidationModel = { area, ignoreBlanks: true };
    sheet.validations.push(created);
    return created;
  }

  protected snapshot(prop: string): unknown {
    const { sheet, areas } = this.target();
    const found = sheet.validations.find((v) => areas.every((a) => contains(v.area, a)));
    if (prop === 'type') return found?.rule ? Object.keys(found.rule)[0] : 'None';
    return found ? ((found as unknown as Record<string, unknown>)[prop] ?? null) : null;
  }

  get rule(): Excel.DataValidationRule {
    return this.read('rule');
  }
  set rule(rule: Excel.DataValidationRule) {
    assertRule(rule);
    const copy = structuredClone(rule) as Record<string, Record<string, unknown>>;
    this.write('rule', rule, () => {
      this.entry().rule = copy;
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.read('prompt');
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    if ((prompt.title ?? '').length > TEXT_LIMITS.promptTitle || (prompt.message ?? '').length > TEXT_LIMITS.promptMessage) {
      fail('InvalidArgument', 'The prompt title or message is longer than Excel allows.');
    }
    this.write('prompt', prompt, () => {
      this.entry().prompt = { ...prompt };
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read('errorAlert');
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    if ((alert.title ?? '').length > TEXT_LIMITS.errorTitle || (alert.message ?? '').length > TEXT_LIMITS.errorMessage) {
      fail('InvalidArgument', 'The error title or message is longer than Excel allows.');
    }
    if (alert.style !== undefined && !['Stop', 'Warning', 'Information'].includes(alert.style)) fail('InvalidArgument', `Unknown alert style ${alert.style}`);
    this.write('errorAlert', alert, () => {
      this.entry().errorAlert = { ...alert };
    });
  }
  get ignoreBlanks(): boolean {
    return this.read('ignoreBlanks');
  }
  set ignoreBlanks(value: boolean) {
    this.write('ignoreBlanks', value, () => {
      this.entry().ignoreBlanks = value;
    });
  }

  clear(): void {
    this.call('clear', [], () => {
      const { sheet, areas } = this.target();
      for (let i = sheet.validations.length - 1; i >= 0; i--) if (areas.some((a) => overlaps(a, sheet.validations[i].area))) sheet.validations.splice(i, 1);
    });
  }
}
