// What the grade report draws beside a check's words: the same decision as data, so the web UI can show the
// rule walk as a table and the network path as a diagram (hop by hop, the blocking hop marked) instead of
// asking the learner to read it out of a paragraph. Plain JSON: grades are stored.

/** One condition of a listener rule and how the request met it. */
export interface RuleWalkCondition {
  field: string;
  outcome: 'match' | 'no-match' | 'unsupported';
  reason: string;
}

/** One rule of a listener in the order the load balancer evaluates them. */
export interface RuleWalkRow {
  /** `rule 10` or `the default rule`. */
  rule: string;
  outcome: 'matched' | 'not-matched' | 'not-evaluated' | 'unsupported';
  reason: string;
  conditions: RuleWalkCondition[];
  /** What the rule does, in words (`forward to \`api-tg\``). */
  action: string;
}

/** The listener's rule walk for one request: every rule in priority order, the one that decided, the outcome. */
export interface AlbRuleWalkVisual {
  kind: 'alb-rule-walk';
  request: string;
  rows: RuleWalkRow[];
  outcome: string;
}

/** One hop of a network path, named as the lab names it. */
export interface NetworkHop {
  name: string;
  /** The kind of component, for the diagram's icon: from the id's prefix. */
  type: 'internet' | 'instance' | 'network-interface' | 'security-group' | 'network-acl' | 'subnet' | 'route-table' | 'internet-gateway' | 'nat-gateway' | 'vpc' | 'load-balancer' | 'other';
  /** The rule or route that let the packet through, in words. */
  detail?: string;
}

/** Where the path stops: the component, Reachability Analyzer's explanation code and the reason. */
export interface NetworkBlock {
  name: string;
  type: NetworkHop['type'];
  code: string;
  reason: string;
  direction?: 'ingress' | 'egress';
  path: 'forward' | 'return';
}

/** A network path as Reachability Analyzer would draw it: the hops the packet took, and what blocked it. */
export interface NetworkPathVisual {
  kind: 'network-path';
  source: string;
  destination: string;
  protocol: string;
  port?: number;
  reachable: boolean;
  hops: NetworkHop[];
  blocks: NetworkBlock[];
}

/** A group of endpoints in the exposure matrix: the internet, or a tier (a security group, or a subnet). */
export interface ExposureTier {
  name: string;
  /** The lab's own instances in the tier. */
  instances: string[];
  /** How many probe instances (new members, strangers) the comparison added to it. */
  probes: number;
}

/**
 * One cell of the matrix for one protocol and port range: of the `paths` asked from the source tier to the
 * destination tier, how many the learner's network and the solution's let through.
 */
export interface ExposureCell {
  source: number;
  destination: number;
  service: number;
  paths: number;
  learner: number;
  reference: number;
}

/**
 * Who reaches whom on which ports, in the learner's network and in the solution's: tiers × tiers (the
 * internet first) × services, only the cells open on either side; and a few paths where they differ.
 */
export interface ExposureMatrixVisual {
  kind: 'exposure-matrix';
  /** The Availability Zone failed in this comparison, for route tables compared under an outage. */
  outage?: string;
  /** What a tier is: the security groups an instance carries, or its subnet. */
  grouping: 'security-group' | 'subnet';
  tiers: ExposureTier[];
  /** `tcp 443`, `tcp 81-442` (a stretch of ports no rule tells apart), `icmp`. */
  services: string[];
  cells: ExposureCell[];
  /** Services also asked, on which both networks block every path. */
  closedServices: string[];
  /** Paths where the two differ, drawn as the learner's network takes them (at most the check's `examples`). */
  examples: NetworkPathVisual[];
  /** How many paths differ in all. */
  differences: number;
}

/** A check's decision as data the report can draw. */
export type CheckVisual = AlbRuleWalkVisual | NetworkPathVisual | IamDecisionVisual | AsgTimelineVisual | ExposureMatrixVisual;

/** One policy type's verdict in the order AWS evaluates them (SCP, RCP, resource, boundary, session, identity). */
export interface IamLayer {
  policyType: 'scp' | 'rcp' | 'resource' | 'identity' | 'boundary' | 'session';
  decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny' | 'NotApplicable';
  reason: string;
}

/** A statement of the learner's answer that took part in the decision, with its lines of the answer's text. */
export interface IamStatementVisual {
  task: string;
  statementIndex: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** `matched` decided (or helped decide) the request; `not-matched` did not apply, for `reason`. */
  outcome: 'matched' | 'not-matched';
  reason?: string;
  /** The statement's first and last line in the learner's answer, and those lines. */
  lines: { from: number; to: number; text: string[] };
}

/** An IAM request's decision: the layers' verdicts, and the learner's statements that matched or not. */
export interface IamDecisionVisual {
  kind: 'iam-decision';
  principal: string;
  action: string;
  resource: string;
  decision: 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny';
  layers: IamLayer[];
  statements: IamStatementVisual[];
}

/** One sampled minute of an Auto Scaling run. */
export interface AsgTimelinePoint {
  /** Minutes from the run's start. */
  minute: number;
  requestsPerSecond: number;
  cpu?: number;
  desired: number;
  inService: number;
  /** The solution's group InService at the same minute, under the same load. */
  reference?: number;
}

/** An Auto Scaling run as a chart: load, CPU, desired and InService capacity over time, the reference's beside it. */
export interface AsgTimelineVisual {
  kind: 'asg-timeline';
  /** The run's start (ISO), the clock every `minute` counts from. */
  start: string;
  minutes: number;
  minSize: number;
  maxSize: number;
  points: AsgTimelinePoint[];
  /** Scaling activities, alarm state changes and scheduled actions, as markers. */
  events: { minute: number; type: 'ScalingActivity' | 'AlarmStateChange' | 'ScheduledAction'; description: string }[];
}
