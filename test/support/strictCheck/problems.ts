/** What the strict checker finds: a rule broken in a part, said so a person can find it. */
export interface StrictProblem {
  /** 'schema', 'wellFormed', or the cross-part rule (see crossPart.ts). */
  rule: string;
  part: string;
  message: string;
  /** How many times the same message came up in the part (schema messages repeat per row). */
  count?: number;
}

/** Identifies a problem across two versions of a package (line numbers and counts left out). */
export function problemKey(problem: StrictProblem): string {
  return `${problem.rule}|${problem.part}|${problem.message}`;
}

export function describeProblem(problem: StrictProblem): string {
  return `${problem.part}: [${problem.rule}] ${problem.message}${problem.count && problem.count > 1 ? ` (×${problem.count})` : ''}`;
}
