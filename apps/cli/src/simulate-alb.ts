import { routeRequest, type HttpRequest, type ListenerCertificate, type RegisteredTarget, type Rule, type TargetGroup } from '@skylab/emulator';
import { InputError } from './json-input.ts';
import { collect, type SimulateIo } from './simulate-input.ts';
import { BATCH_USAGE, runSimulate, type SimulateCommand } from './simulate-run.ts';
import { helpText } from './usage.ts';

const USAGE = `usage: skylab simulate alb <file|-> [--jsonl] [--batch]
  input: JSON, or JSON Lines merged in order, in the ELBv2 Describe* shapes:
         "Rules" (describe-rules, the default rule included), optionally "TargetGroups"
         (describe-target-groups) and "TargetHealth": [{"TargetGroupArn", "TargetHealthDescriptions"}]
         (describe-target-health), "Listeners" (describe-listeners: their Certificates) with the names from
         "Certificates" (acm describe-certificate: CertificateArn, DomainName, SubjectAlternativeNames),
         plus "Request": {"Method", "Host", "Path", "Headers"?, "SourceIp"?,
         "Protocol"?, "Port"?} or "Requests": [ … ]
  output: per request the action taken and the walk: every rule in priority order and why it did or did
          not match; JSON Lines when the input was JSON Lines or with --jsonl
${BATCH_USAGE}`;

export const ALB_HELP = helpText(USAGE, [
  'skylab simulate alb listener.json',
  'cat rules.jsonl requests.jsonl | skylab simulate alb -',
  'skylab simulate alb scenarios.jsonl --batch > answers.jsonl',
]);

type TargetHealthDocument = { TargetGroupArn: string; TargetHealthDescriptions: Omit<RegisteredTarget, 'RegisteredAt' | 'ConsecutiveSuccesses' | 'ConsecutiveFailures'>[] };

/** Target groups in the Describe shape get the parts `describe-target-groups` leaves out: attributes and targets. */
function targetGroups(documents: Record<string, unknown>[]): TargetGroup[] {
  const health = collect<TargetHealthDocument>(documents, 'TargetHealth');
  return collect<Partial<TargetGroup> & { TargetGroupArn: string }>(documents, 'TargetGroups').map((g) => ({
    ...(g as TargetGroup),
    TargetGroupName: g.TargetGroupName ?? g.TargetGroupArn,
    Attributes: g.Attributes ?? [],
    Targets: health
      .filter((h) => h.TargetGroupArn === g.TargetGroupArn)
      .flatMap((h) => h.TargetHealthDescriptions)
      .map((t) => ({ ...t, RegisteredAt: 0, ConsecutiveSuccesses: 0, ConsecutiveFailures: 0 })),
  }));
}

/** The listener's certificates, named by the ACM descriptions, for SNI. */
function certificates(documents: Record<string, unknown>[]): ListenerCertificate[] {
  const names = new Map(collect<ListenerCertificate>(documents, 'Certificates').map((c) => [c.CertificateArn, c]));
  return collect<{ Certificates?: ListenerCertificate[] }>(documents, 'Listeners')
    .flatMap((l) => l.Certificates ?? [])
    .map((c) => ({ ...names.get(c.CertificateArn), ...c }));
}

const ALB: SimulateCommand = {
  usage: USAGE,
  flags: [],
  keys: { Rules: 'list', TargetGroups: 'list', TargetHealth: 'list', Listeners: 'list', Certificates: 'list', Request: 'object', Requests: 'list' },
  answer(documents) {
    const rules = collect<Rule>(documents, 'Rules');
    const requests = [...collect<HttpRequest>(documents, 'Request'), ...collect<HttpRequest>(documents, 'Requests')];
    if (rules.length === 0 || requests.length === 0) throw new InputError('the input needs `Rules` (describe-rules) and a `Request` or `Requests`');
    if (!rules.some((r) => r.IsDefault)) throw new InputError('the rules have no default rule (`"IsDefault": true`); describe-rules lists it last');
    const groups = targetGroups(documents);
    const certs = certificates(documents);
    const listener = { Rules: rules, ...(groups.length > 0 ? { TargetGroups: groups } : {}), ...(certs.length > 0 ? { Certificates: certs } : {}) };
    return requests.map((request) => ({ Request: request, ...routeRequest(listener, request) }));
  },
};

/** `skylab simulate alb`: route requests through listener rules given in the ELBv2 Describe* shapes. */
export function simulateAlb(args: readonly string[], io: SimulateIo, stdin: () => string): number {
  return runSimulate(ALB, args, io, stdin);
}
