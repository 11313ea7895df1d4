/** How bad a finding is, in IAM Access Analyzer's vocabulary. */
export type Severity = 'error' | 'security-warning' | 'warning' | 'suggestion';

/** A place in a text: 1-based line and column, 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A span of text from start (inclusive) to end (exclusive). */
export interface Range {
  start: Position;
  end: Position;
}

/** A segment of a path into a document: an object key or an array index. */
export type PathSegment = string | number;

/**
 * One problem found in user input. `path` points at the element in the parsed document
 * (`['Statement', 0, 'Action']`); `range` points into the source text when the input was text;
 * `file` names that text when it came from a file (a lab's `lab.yaml`).
 */
export interface Finding {
  ruleId: string;
  file?: string;
  severity: Severity;
  path: PathSegment[];
  range?: Range;
  message: string;
  help?: string;
  learnMore?: string;
}
