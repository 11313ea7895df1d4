import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AwsError, analyzeReachability, ec2StateFromDescribe, exposureReport, type Ec2Topology, type ReachabilityQuery } from '@skylab/emulator';

/** Where `simulate network` reads relative paths from and writes to. */
export interface SimulateNetworkIo {
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage: skylab simulate network <file|-> [--exposure] [--jsonl]
  input: JSON, or JSON Lines (one document per line), in the shapes of the EC2 Describe* responses
         (Vpcs, Subnets, RouteTables, InternetGateways, NatGateways, SecurityGroups, NetworkAcls,
         NetworkInterfaces, Reservations or Instances, Addresses), merged in order, plus the questions:
         "Query": {"Source", "Destination", "Protocol", "DestinationPort", "SourceIp"?, "DestinationIp"?}
         or "Queries": [ … ]
  output: one analysis per query (Reachability Analyzer's shape), and with --exposure what the internet
          can reach; JSON Lines when the input was JSON Lines or with --jsonl`;

type Document = Ec2Topology & { Query?: ReachabilityQuery; Queries?: ReachabilityQuery[] };

function parse(text: string): { documents: Document[]; lines: boolean } | string {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return { documents: value as Document[], lines: false };
    if (value && typeof value === 'object') return { documents: [value as Document], lines: false };
    return 'the input must be a json object, an array of objects, or json lines';
  } catch {
    const documents: Document[] = [];
    const rows = text.split('\n');
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]?.trim() ?? '';
      if (row === '') continue;
      try {
        documents.push(JSON.parse(row) as Document);
      } catch (error) {
        return `line ${i + 1}: ${(error as Error).message.toLowerCase()}`;
      }
    }
    return { documents, lines: true };
  }
}

/** `skylab simulate network`: analyze reachability (and exposure) on a network described in EC2's own shapes. */
export function simulateNetwork(args: readonly string[], io: SimulateNetworkIo, stdin: () => string = () => readFileSync(0, 'utf8')): number {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--exposure' && f !== '--jsonl');
  if (files.length !== 1 || unknown.length > 0) {
    io.err(USAGE);
    return 2;
  }
  const file = files[0] as string;
  let text: string;
  try {
    text = file === '-' ? stdin() : readFileSync(resolve(io.cwd, file), 'utf8');
  } catch {
    io.err(`cannot read \`${file}\``);
    return 2;
  }
  const parsed = parse(text);
  if (typeof parsed === 'string') {
    io.err(`\`${file}\`: ${parsed}`);
    return 2;
  }
  const queries = parsed.documents.flatMap((d) => [...(d.Query ? [d.Query] : []), ...(d.Queries ?? [])]);
  if (queries.length === 0 && !flags.has('--exposure')) {
    io.err(`\`${file}\` asks nothing: add a \`Query\` (or \`Queries\`), or pass --exposure`);
    return 2;
  }
  const results: unknown[] = [];
  try {
    const state = { ec2: ec2StateFromDescribe(parsed.documents) };
    for (const query of queries) results.push({ Query: query, ...analyzeReachability(state, query) });
    if (flags.has('--exposure')) results.push({ Exposure: exposureReport(state) });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    io.err(`\`${file}\`: ${error.message}`);
    return 2;
  }
  if (parsed.lines || flags.has('--jsonl')) for (const result of results) io.out(JSON.stringify(result));
  else io.out(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
  return 0;
}
