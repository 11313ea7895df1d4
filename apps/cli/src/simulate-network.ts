import { analyzeReachability, ec2StateFromDescribe, exposureReport, type Ec2Topology, type ReachabilityQuery } from '@skylab/emulator';
import { InputError } from './json-input.ts';
import { runSimulate, BATCH_USAGE, type SimulateCommand } from './simulate-run.ts';
import type { SimulateIo } from './simulate-input.ts';
import { helpText } from './usage.ts';

const USAGE = `usage: skylab simulate network <file|-> [--exposure] [--jsonl] [--batch]
  input: JSON, or JSON Lines (one document per line), in the shapes of the EC2 Describe* responses
         (Vpcs, Subnets, RouteTables, InternetGateways, NatGateways, SecurityGroups, NetworkAcls,
         NetworkInterfaces, Reservations or Instances, Addresses), merged in order, plus the questions:
         "Query": {"Source", "Destination", "Protocol", "DestinationPort", "SourceIp"?, "DestinationIp"?}
         or "Queries": [ … ]
  output: one analysis per query (Reachability Analyzer's shape), and with --exposure what the internet
          can reach; JSON Lines when the input was JSON Lines or with --jsonl
${BATCH_USAGE}`;

export const NETWORK_HELP = helpText(USAGE, [
  'skylab simulate network network.json --exposure',
  'cat topology.jsonl queries.jsonl | skylab simulate network -',
  'skylab simulate network scenarios.jsonl --batch > answers.jsonl',
]);

type Document = Ec2Topology & { Query?: ReachabilityQuery; Queries?: ReachabilityQuery[] };

const LIST = 'list' as const;
const QUERY_KEYS = ['Query', 'Queries'];

const NETWORK: SimulateCommand = {
  usage: USAGE,
  flags: ['--exposure'],
  keys: { Vpcs: LIST, Subnets: LIST, RouteTables: LIST, InternetGateways: LIST, NatGateways: LIST, SecurityGroups: LIST, NetworkAcls: LIST, NetworkInterfaces: LIST, Reservations: LIST, Instances: LIST, Addresses: LIST, Query: 'object', Queries: LIST },
  emulatorChecksKeys: true,
  answer(values, args) {
    const documents = values as Document[];
    const queries = documents.flatMap((d) => [...(d.Query ? [d.Query] : []), ...(d.Queries ?? [])]);
    const exposure = args.flags.has('--exposure');
    // Read first: a misspelt `Query` is an unknown key to name, not a scenario that asks nothing.
    const state = { ec2: ec2StateFromDescribe(documents, { otherKeys: QUERY_KEYS }) };
    if (queries.length === 0 && !exposure) throw new InputError('the input asks nothing: add a `Query` (or `Queries`), or pass --exposure');
    return [...queries.map((query) => ({ Query: query, ...analyzeReachability(state, query) })), ...(exposure ? [{ Exposure: exposureReport(state) }] : [])];
  },
  check(document) {
    ec2StateFromDescribe([document as Document], { otherKeys: QUERY_KEYS });
  },
};

/** `skylab simulate network`: analyze reachability (and exposure) on a network described in EC2's own shapes. */
export function simulateNetwork(args: readonly string[], io: SimulateIo, stdin: () => string): number {
  return runSimulate(NETWORK, args, io, stdin);
}
