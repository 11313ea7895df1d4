import { readFileSync } from 'node:fs';
import { AwsError, analyzeReachability, ec2StateFromDescribe, exposureReport, type Ec2Topology, type ReachabilityQuery } from '@skylab/emulator';
import { fileArgument, readDocuments, writeResults, type SimulateIo } from './simulate-input.ts';

const USAGE = `usage: skylab simulate network <file|-> [--exposure] [--jsonl]
  input: JSON, or JSON Lines (one document per line), in the shapes of the EC2 Describe* responses
         (Vpcs, Subnets, RouteTables, InternetGateways, NatGateways, SecurityGroups, NetworkAcls,
         NetworkInterfaces, Reservations or Instances, Addresses), merged in order, plus the questions:
         "Query": {"Source", "Destination", "Protocol", "DestinationPort", "SourceIp"?, "DestinationIp"?}
         or "Queries": [ … ]
  output: one analysis per query (Reachability Analyzer's shape), and with --exposure what the internet
          can reach; JSON Lines when the input was JSON Lines or with --jsonl`;

type Document = Ec2Topology & { Query?: ReachabilityQuery; Queries?: ReachabilityQuery[] };

/** `skylab simulate network`: analyze reachability (and exposure) on a network described in EC2's own shapes. */
export function simulateNetwork(args: readonly string[], io: SimulateIo, stdin: () => string = () => readFileSync(0, 'utf8')): number {
  const command = fileArgument(args, ['--exposure', '--jsonl'], io, USAGE);
  if (!command) return 2;
  const { file, flags } = command;
  const input = readDocuments(file, io, stdin);
  if (!input) return 2;
  const documents = input.documents as Document[];
  const queries = documents.flatMap((d) => [...(d.Query ? [d.Query] : []), ...(d.Queries ?? [])]);
  if (queries.length === 0 && !flags.has('--exposure')) {
    io.err(`\`${file}\` asks nothing: add a \`Query\` (or \`Queries\`), or pass --exposure`);
    return 2;
  }
  const results: unknown[] = [];
  try {
    const state = { ec2: ec2StateFromDescribe(documents, { otherKeys: ['Query', 'Queries'] }) };
    for (const query of queries) results.push({ Query: query, ...analyzeReachability(state, query) });
    if (flags.has('--exposure')) results.push({ Exposure: exposureReport(state) });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    io.err(`\`${file}\`: ${error.message}`);
    return 2;
  }
  writeResults(results, input.lines || flags.has('--jsonl'), io);
  return 0;
}
