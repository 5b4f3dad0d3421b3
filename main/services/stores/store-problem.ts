/**
 * A store file that could not be used as it was: what happened and where the original bytes went.
 */

export interface StoreProblem {
  /** The file that failed to load. */
  file: string;
  /** Where its bytes were moved (`<name>.corrupt-<timestamp>`), or null if it could not be moved. */
  quarantinedAs: string | null;
  /** Plain words for the user. */
  message: string;
  atMs: number;
}

/** The problems seen since start, for the UI; also forwarded to an optional callback. */
export interface ProblemList {
  report(p: StoreProblem): void;
  list(): StoreProblem[];
}

/** Creates a problem list that forwards each report to `onProblem`. */
export function createProblemList(onProblem?: (p: StoreProblem) => void): ProblemList {
  const problems: StoreProblem[] = [];
  return {
    report(p) {
      problems.push(p);
      onProblem?.(p);
    },
    list: () => [...problems],
  };
}
