import { issuesToFindings, labSchema, loadYaml, locateNearest, type Finding, type Lab, type PathSegment, type SourceDocument } from '@skylab/validation';
import { alarmReferenceFindings } from './alarm-references.ts';
import { albReferenceFindings } from './alb-references.ts';
import { launchTemplateReferenceFindings } from './launch-template-references.ts';
import { ASG_KEYS, asgScenarioFindings } from './asg-lab-keys.ts';
import { ec2ReferenceFindings } from './ec2-references.ts';
import type { MisconceptionCatalogue } from './load-misconceptions.ts';
import { quizCovered, quizReferenceFindings } from './quiz-references.ts';
import { templateFindings } from './template.ts';
import { S3_LAB_KEYS, s3ReferenceFindings } from './s3-lab-references.ts';

const KNOWN_KEYS = [
  'apiVersion', 'id', 'title', 'summary', 'description', 'difficulty', 'estimatedMinutes', 'tags', 'track', 'params', 'setup', 'tasks', 'checks',
  'hints', 'solution', 'wrongAnswers', 'UserName', 'PolicyName', 'PolicyDocument', 'UserPolicyList', 'AttachedManagedPolicies', 'PolicyArn',
  'Name', 'Objects', 'Key', 'Body', 'ContentType', 'Path', 'Description', 'feedback', 'visibility', 'misconceptions', 'simulate', 'expect',
  'ec2', 'vpcs', 'internetGateways', 'subnets', 'routeTables', 'networkAcls', 'securityGroups', 'instances', 'CidrBlock', 'VpcId', 'SubnetId',
  'AvailabilityZone', 'MapPublicIpOnLaunch', 'Routes', 'DestinationCidrBlock', 'GatewayId', 'Associations', 'Entries', 'GroupName',
  'IpPermissions', 'IpPermissionsEgress', 'UserIdGroupPairs', 'IpRanges', 'CidrIp', 'IpProtocol', 'FromPort', 'ToPort', 'SecurityGroupIds',
  'AssociatePublicIpAddress', 'PrivateIpAddress', 'InstanceType', 'ImageId', 'reachability', 'exposure', 'lint', 'source', 'destination',
  'protocol', 'port', 'onlyExposed', 'equivalent-access', 'equivalent-reachability', 'principal', 'services', 'resources', 'contexts', 'examples', 'notExposed', 'scope', 'severities', 'rules', 'task', 'groups', 'language', 'roles', 'RoleName', 'elbv2', 'targetGroups', 'loadBalancers', 'Listeners', 'Targets', 'DefaultActions', 'Rules', 'Conditions', 'Actions', 'alb-route', 'equivalent-routing', 'listener',
  'quiz', 'questions', 'options', 'question', 'correct', 'multiple', 'shuffle', 'learnMore', 'answers',
  'AlarmNames', 'topics', 'crashAt', 'alarm-scenario', 'equivalent-alarms', 'minutes', 'alarm', 'AssumeRolePolicyDocument', 'RolePolicyList', 'instanceProfiles', 'InstanceProfileName', 'Roles', 'principalPolicies', 'apply', 'action',
  ...ASG_KEYS,
  ...S3_LAB_KEYS, 'natGateways', 'NatGatewayId', 'ConnectivityType', 'RouteTableId', 'TargetGroupName', 'application', 'Responses', 'Status', 'DefaultStatus',
  'ResponseMilliseconds', 'equivalent-target-health', 'target-health', 'toleranceSeconds', 'failure', 'HealthCheckPort', 'HealthCheckProtocol', 'Matcher', 'HttpCode',
];

function declaredParams(value: unknown): Set<string> {
  const params = value !== null && typeof value === 'object' ? (value as Record<string, unknown>).params : undefined;
  return new Set(params !== null && typeof params === 'object' ? Object.keys(params) : []);
}

type Add = (path: PathSegment[], ruleId: string, message: string) => void;

const EXHAUSTIVE_KIND = { 'iam-policy': 'equivalent-access', 'iam-trust-policy': 'equivalent-access', 'security-groups': 'equivalent-reachability', 'nacl-entries': 'equivalent-reachability', 'alb-listener-rules': 'equivalent-routing', 'auto-scaling-group': 'equivalent-scaling', quiz: 'quiz', 'launch-template': 'equivalent-launch-template', 'ebs-settings': 'equivalent-ebs-settings', 'ecr-repository': 'equivalent-repository', 's3-bucket': 'equivalent-bucket', 'route-table': 'equivalent-reachability', 'target-group': 'equivalent-target-health', 'cloudwatch-alarm': 'equivalent-alarms' } as const;

/**
 * Grading integrity (DESIGN §3): every task is graded by its whole behaviour, so each needs a check that
 * compares it with the solution exhaustively; probes alone let a wrong answer through. The comparison
 * checks must name a task of their kind.
 */
function exhaustiveFindings(lab: Lab, add: Add): void {
  const kinds = new Map(lab.tasks.map((t) => [t.id, t.kind]));
  lab.checks.forEach((check, i) => {
    for (const key of ['equivalent-access', 'equivalent-reachability', 'equivalent-routing', 'equivalent-scaling', 'quiz', 'equivalent-launch-template', 'equivalent-ebs-settings', 'equivalent-repository', 'equivalent-bucket', 'equivalent-target-health', 'equivalent-alarms'] as const) {
      const task = check[key]?.task;
      if (task === undefined) continue;
      const kind = kinds.get(task);
      if (kind === undefined) add(['checks', i, key, 'task'], 'lab/unknown-task', `there is no task \`${task}\``);
      else if (EXHAUSTIVE_KIND[kind] !== key) add(['checks', i, key, 'task'], 'lab/wrong-task-kind', `\`${key}\` cannot compare the answer of \`${task}\`, a \`${kind}\` task: use \`${EXHAUSTIVE_KIND[kind]}\``);
    }
  });
  lab.tasks.forEach((task, i) => {
    const key = EXHAUSTIVE_KIND[task.kind];
    const covered = task.kind === 'quiz' ? quizCovered(lab, task.id) : lab.checks.some((c) => {
      const spec = c[key];
      return spec !== undefined && spec.task === task.id && !('requests' in spec && spec.requests !== undefined) && !('services' in spec && spec.services !== undefined);
    });
    if (!covered) {
      add(['tasks', i, 'id'], 'lab/task-without-exhaustive-check', `task \`${task.id}\` has no \`${key}\` check over the whole universe: probes alone let wrong answers score 100%. Add one (without \`requests\` or \`services\`)`);
    }
  });
}

/** Cross-references the schema cannot see: unique ids, answers for every task, wrong answers naming real checks. */
function referenceFindings(lab: Lab, doc: SourceDocument, options: LoadLabOptions): Finding[] {
  const findings: Finding[] = [];
  const add: Add = (path, ruleId, message) => {
    const range = locateNearest(doc, path);
    findings.push({ ruleId, severity: 'error', path, ...(range ? { range } : {}), message });
  };
  const unique = (ids: string[], section: string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) add([section, i, 'id'], 'lab/duplicate-id', `duplicate ${what} id \`${id}\``);
      seen.add(id);
    });
  };
  unique(lab.tasks.map((t) => t.id), 'tasks', 'task');
  unique(lab.checks.map((c) => c.id), 'checks', 'check');
  unique(lab.wrongAnswers.map((w) => w.id), 'wrongAnswers', 'wrong answer');
  const tasks = new Set(lab.tasks.map((t) => t.id));
  const checks = new Set(lab.checks.map((c) => c.id));
  for (const task of tasks) {
    if (!Object.hasOwn(lab.solution.answers, task)) add(['solution', 'answers'], 'lab/missing-answer', `the solution has no answer for task \`${task}\``);
  }
  const answerKeys = (answers: Record<string, string>, path: PathSegment[]) => {
    for (const key of Object.keys(answers)) {
      if (!tasks.has(key)) add([...path, key], 'lab/unknown-task', `there is no task \`${key}\` to answer`);
    }
  };
  answerKeys(lab.solution.answers, ['solution', 'answers']);
  lab.wrongAnswers.forEach((wrong, i) => {
    answerKeys(wrong.answers, ['wrongAnswers', i, 'answers']);
    wrong.fails.forEach((id, j) => {
      if (!checks.has(id)) add(['wrongAnswers', i, 'fails', j], 'lab/unknown-check', `there is no check \`${id}\``);
    });
  });
  const roles = new Set(lab.setup.iam.roles.map((r) => r.RoleName.toLowerCase()));
  lab.tasks.forEach((task, i) => {
    if (task.kind === 'iam-trust-policy' && !roles.has(task.apply.RoleName.toLowerCase())) {
      add(['tasks', i, 'apply', 'RoleName'], 'lab/unknown-resource', `there is no role \`${task.apply.RoleName}\` in \`setup.iam.roles\``);
    }
  });
  ec2ReferenceFindings(lab, add);
  albReferenceFindings(lab, add);
  launchTemplateReferenceFindings(lab, add);
  alarmReferenceFindings(lab, add);
  quizReferenceFindings(lab, add);
  s3ReferenceFindings(lab, add);
  exhaustiveFindings(lab, add);
  asgScenarioFindings(lab, add);
  if (options.misconceptions !== undefined) misconceptionFindings(lab, options.misconceptions, add);
  if (lab.checks.every((c) => c.points === 0)) add(['checks'], 'lab/no-points', 'no check is worth any points');
  return findings;
}

/** Every tag a check gives must be in the catalogue, which is what the learner reads instead of the tag. */
function misconceptionFindings(lab: Lab, catalogue: ReadonlySet<string> | MisconceptionCatalogue, add: Add): void {
  lab.checks.forEach((check, i) => {
    check.misconceptions.forEach((tag, j) => {
      if (!catalogue.has(tag)) add(['checks', i, 'misconceptions', j], 'lab/unknown-misconception', `there is no misconception \`${tag}\` in the catalogue: add it to \`labs/misconceptions.yaml\` with a title and an explanation`);
    });
  });
}

/** What `loadLab` checks beyond the file itself. */
export interface LoadLabOptions {
  /** The misconception catalogue (or its ids): when given, every check's tags must be in it. */
  misconceptions?: ReadonlySet<string> | MisconceptionCatalogue;
}

/** The folder of `…/<folder>/lab.yaml`, which must equal the lab's id so ids stay unique across the repository. */
function folderFinding(lab: Lab, doc: SourceDocument, file: string | undefined): Finding[] {
  const folder = file === undefined ? undefined : /(?:^|[/\\])([^/\\]+)[/\\]lab\.ya?ml$/.exec(file)?.[1];
  if (folder === undefined || folder === lab.id) return [];
  const range = doc.locate(['id']);
  return [{
    ruleId: 'lab/id-matches-folder',
    severity: 'error',
    path: ['id'],
    ...(range ? { range } : {}),
    message: `the lab id \`${lab.id}\` differs from its folder \`${folder}\``,
  }];
}

/**
 * Loads a lab from YAML text: parse with positions, validate against the lab format, check template
 * variables and cross-references, and, when `file` is `…/<folder>/lab.yaml`, that the id equals the
 * folder. Every problem is a finding with line and column (and `file` when given); `lab` is set only
 * when there are no errors.
 */
export function loadLab(text: string, file?: string, options: LoadLabOptions = {}): { lab?: Lab; findings: Finding[] } {
  const withFile = (findings: Finding[]) => (file === undefined ? findings : findings.map((f) => ({ ...f, file })));
  const doc = loadYaml(text);
  if (doc.value === undefined) return { findings: withFile(doc.findings) };
  const findings = [...doc.findings, ...templateFindings(doc, declaredParams(doc.value))];
  const parsed = labSchema.safeParse(doc.value);
  if (!parsed.success) {
    findings.push(...issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'lab', knownKeys: KNOWN_KEYS }));
    return { findings: withFile(findings) };
  }
  findings.push(...referenceFindings(parsed.data, doc, options), ...folderFinding(parsed.data, doc, file));
  if (findings.some((f) => f.severity === 'error')) return { findings: withFile(findings) };
  return { lab: parsed.data, findings: withFile(findings) };
}
