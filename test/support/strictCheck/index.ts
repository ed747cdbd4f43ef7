/**
 * The strict check every file our tests write must pass: each XML part against the ECMA-376
 * schema of its content type (schemaCheck.ts, xmllint) and Excel's rules that span parts
 * (crossPart.ts). Excel repairs files LibreOffice opens without a word, so this is the stand-in for
 * "Excel opens it without repair". Problems the user's original already had are set apart: they
 * are reported, but they are not ours and do not fail a test.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crossPartProblems } from './crossPart';
import { readPackageParts } from './packageParts';
import { describeProblem, problemKey, type StrictProblem } from './problems';
import { assertXmllint, schemaProblems } from './schemaCheck';

export { describeProblem, type StrictProblem } from './problems';
export { withExcelCalcChain } from './excelCalcChain';

export interface StrictReport {
  /** Problems of this package that the original did not have: ours. */
  problems: StrictProblem[];
  /** Problems the original already had (reported apart; they do not fail). */
  inherited: StrictProblem[];
  /** XML parts validated against a schema. */
  partsChecked: number;
  /** Parts no ECMA-376 schema covers (VML, binaries, Microsoft's extension parts). */
  partsUnchecked: string[];
}

type Source = Uint8Array | string;
const bytesOf = (source: Source): Uint8Array => (typeof source === 'string' ? new Uint8Array(readFileSync(source)) : source);

interface Found {
  problems: StrictProblem[];
  checked: number;
  unchecked: string[];
}

/** Results by the package's digest: an original checked beside each of its edits is checked once. */
const seen = new Map<string, Found>();

function allProblems(data: Uint8Array): Found {
  const digest = createHash('sha1').update(data).digest('hex');
  const known = seen.get(digest);
  if (known) return known;
  const parts = readPackageParts(data);
  const schema = schemaProblems(parts);
  const found = { problems: [...schema.problems, ...crossPartProblems(parts)], checked: schema.checked, unchecked: schema.unchecked };
  seen.set(digest, found);
  return found;
}

let xmllintChecked = false;

/** Checks a package (bytes or a file); with the original it was made from, problems it already had are set apart. */
export function strictCheck(file: Source, original?: Source): StrictReport {
  if (!xmllintChecked) {
    assertXmllint();
    xmllintChecked = true;
  }
  const result = allProblems(bytesOf(file));
  const before = original === undefined ? new Set<string>() : new Set(allProblems(bytesOf(original)).problems.map(problemKey));
  return {
    problems: result.problems.filter((p) => !before.has(problemKey(p))),
    inherited: result.problems.filter((p) => before.has(problemKey(p))),
    partsChecked: result.checked,
    partsUnchecked: result.unchecked,
  };
}

/** A test's assertion: the package has no problem of its own (inherited ones are only listed). */
export function expectStrict(file: Source, original?: Source): StrictReport {
  const report = strictCheck(file, original);
  expect(report.problems.map(describeProblem)).toEqual([]);
  return report;
}
