import { readFileSync } from 'node:fs';
import { routeRequest, type HttpRequest, type ListenerCertificate, type RegisteredTarget, type Rule, type TargetGroup } from '@skylab/emulator';
import { collect, fileArgument, readDocuments, writeResults, type SimulateIo } from './simulate-input.ts';

const USAGE = `usage: skylab simulate alb <file|-> [--jsonl]
  input: JSON, or JSON Lines merged in order, in the ELBv2 Describe* shapes:
         "Rules" (describe-rules, the default rule included), optionally "TargetGroups"
         (describe-target-groups) and "TargetHealth": [{"TargetGroupArn", "TargetHealthDescriptions"}]
         (describe-target-health), "Listeners" (describe-listeners: their Certificates) with the names from
         "Certificates" (acm describe-certificate: CertificateArn, DomainName, SubjectAlternativeNames),
         plus "Request": {"Method", "Host", "Path", "Headers"?, "SourceIp"?,
         "Protocol"?, "Port"?} or "Requests": [ … ]
  output: per request the action taken and the walk: every rule in priority order and why it did or did
          not match; JSON Lines when the input was JSON Lines or with --jsonl`;

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

/** `skylab simulate alb`: route requests through listener rules given in the ELBv2 Describe* shapes. */
export function simulateAlb(args: readonly string[], io: SimulateIo, stdin: () => string = () => readFileSync(0, 'utf8')): number {
  const command = fileArgument(args, ['--jsonl'], io, USAGE);
  if (!command) return 2;
  const { file, flags } = command;
  const input = readDocuments(file, io, stdin);
  if (!input) return 2;
  const rules = collect<Rule>(input.documents, 'Rules');
  const requests = [...collect<HttpRequest>(input.documents, 'Request'), ...collect<HttpRequest>(input.documents, 'Requests')];
  if (rules.length === 0 || requests.length === 0) {
    io.err(`\`${file}\` needs \`Rules\` (describe-rules) and a \`Request\` or \`Requests\``);
    return 2;
  }
  if (!rules.some((r) => r.IsDefault)) {
    io.err(`\`${file}\`: the rules have no default rule (\`"IsDefault": true\`); describe-rules lists it last`);
    return 2;
  }
  const groups = targetGroups(input.documents);
  const names = new Map(collect<ListenerCertificate>(input.documents, 'Certificates').map((c) => [c.CertificateArn, c]));
  const certificates = collect<{ Certificates?: ListenerCertificate[] }>(input.documents, 'Listeners')
    .flatMap((l) => l.Certificates ?? [])
    .map((c) => ({ ...names.get(c.CertificateArn), ...c }));
  const results = requests.map((request) => ({ Request: request, ...routeRequest({ Rules: rules, ...(groups.length > 0 ? { TargetGroups: groups } : {}), ...(certificates.length > 0 ? { Certificates: certificates } : {}) }, request) }));
  writeResults(results, input.lines || flags.has('--jsonl'), io);
  return 0;
}
