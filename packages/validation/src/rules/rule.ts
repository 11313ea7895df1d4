import type { PathSegment, Severity } from '../finding.ts';
import type { ArtifactKind } from '../schemas/artifact-kinds.ts';
import type { IamCatalogue } from './iam/catalogue.ts';

/** Facts a lint run may be given beyond the text itself. */
export interface LintOptions {
  /** The IAM action catalogue; defaults to the built-in one. */
  catalogue?: IamCatalogue;
  /** Seconds an instance needs from launch until it serves traffic (for the health check grace period rule). */
  instanceBootSeconds?: number;
  /** The period in seconds of the metric that drives scaling (default 300, EC2 basic monitoring). */
  metricPeriodSeconds?: number;
}

/** What a rule sees besides its input. */
export interface RuleContext {
  kind: ArtifactKind;
  catalogue: IamCatalogue;
  options: LintOptions;
  text: string;
}

/** One problem a rule found: where, and what to say (the rule supplies id, severity and links). */
export interface RuleHit {
  path: PathSegment[];
  message: string;
  help?: string;
  /** Point at the member's key instead of its value. */
  onKey?: boolean;
}

/** A lint rule: one file per rule, named by its id. */
export interface Rule<T = never> {
  id: string;
  severity: Severity;
  kinds: readonly ArtifactKind[];
  help: string;
  learnMore: string;
  check(input: T, ctx: RuleContext): RuleHit[];
}
