import { CATALOGUE_SERVICES, parsedPolicy, type PolicyDocument } from '@skylab/validation';
import { formatIpv4, parseCidr } from '../../ec2/cidr.ts';
import type { UniverseSpec } from './compare-access.ts';
import type { ContextValue, PrincipalInfo } from './types.ts';

// The request universe that tells two policy sets apart (DESIGN §3, grading integrity). Sampling a few
// probes lets `s3:Get*` or `arn:aws:s3:::bucket-*` pass for the named actions and bucket; here every
// catalogue action takes part, and the resources and contexts are the lab's own plus witnesses drawn from
// both policies: each resource pattern instantiated (a wildcard names something the other side may not),
// near misses of every concrete ARN (a sibling key, the parent, a longer name), one resource of every
// type nobody named ("any other"), and for every condition key the values on both sides of each operand
// and the key left out. A difference in behaviour then shows on at least one request.

/** What `witnessUniverse` needs: the caller, both sides' policy documents and the lab's resources and contexts. */
export interface WitnessSpec {
  principalArn: string;
  principal?: Omit<PrincipalInfo, 'arn'>;
  /** Policy documents (JSON text) of both sides; their resources and conditions give the witnesses. */
  documents: readonly string[];
  /** The lab's resources, such as its buckets, objects, users and roles. */
  resources?: readonly string[];
  /** Contexts every request starts from (default one empty context); condition witnesses vary them. */
  contexts?: readonly Record<string, ContextValue>[];
  /** Service prefixes (default every service of the catalogue). */
  services?: readonly string[];
  /** Action patterns added to the services' actions. */
  actions?: readonly string[];
  accountId: string;
  region: string;
}

const ANY = 'skylab-any';
const OTHER = 'skylab-other';
/** Beyond this many combinations of condition witnesses, keys vary one at a time. */
const MAX_CONTEXT_PRODUCT = 128;
const MAX_NEAR_MISSES = 12;

function documentsOf(texts: readonly string[]): PolicyDocument[] {
  return texts.flatMap((text) => {
    const policy = parsedPolicy(text);
    return policy ? [policy] : [];
  });
}

const userNameOf = (principalArn: string) => /:user\/(?:.*\/)?([^/]+)$/.exec(principalArn)?.[1];

/** A pattern made concrete: wildcards filled with a name nobody wrote, variables with the caller's values. */
function instantiate(pattern: string, principalArn: string): string[] {
  const user = userNameOf(principalArn) ?? ANY;
  const filled = (variable: string) => pattern.replace(/\$\{[^}]*\}/g, (v) => (/aws:username/i.test(v) ? variable : v === '${*}' ? '*' : v === '${?}' ? '?' : v === '${$}' ? '$' : ANY));
  const variants = new Set([filled(user), filled(OTHER)]);
  return [...variants].map((text) => text.replace(/\*/g, ANY).replace(/\?/g, 'x'));
}

/** Resources next to a concrete ARN: a longer name, the parent path and a sibling at every depth. */
function nearMisses(arn: string): string[] {
  const out = [`${arn}-${OTHER}`];
  const parts = arn.split(':');
  const resource = parts.slice(5).join(':');
  const head = `${parts.slice(0, 5).join(':')}:`;
  const segments = resource.split('/');
  for (let depth = 1; depth < segments.length; depth++) {
    const prefix = segments.slice(0, depth).join('/');
    out.push(head + prefix, `${head}${prefix}/${OTHER}`);
  }
  return out.slice(0, MAX_NEAR_MISSES);
}

function resourceWitnesses(spec: WitnessSpec, documents: PolicyDocument[]): string[] {
  const found = new Set<string>();
  const add = (arn: string) => {
    if (arn === '*' || !arn.startsWith('arn:')) return;
    found.add(arn);
    for (const near of nearMisses(arn)) found.add(near);
  };
  for (const arn of spec.resources ?? []) add(arn);
  for (const document of documents) {
    for (const statement of document.Statement) {
      for (const pattern of [...(statement.Resource ?? []), ...(statement.NotResource ?? [])]) {
        for (const concrete of instantiate(pattern, spec.principalArn)) add(concrete);
      }
    }
  }
  return [...found];
}

/** Addresses inside a CIDR and just outside either end of it. */
function ipWitnesses(cidr: string): string[] {
  const range = parseCidr(cidr);
  if (range?.family !== 4) return [cidr, '203.0.113.77'];
  const { first, last } = range;
  return [formatIpv4(first), ...(first > 0 ? [formatIpv4(first - 1)] : []), ...(last < 2 ** 32 - 1 ? [formatIpv4(last + 1)] : [])];
}

function valueWitnesses(operator: string, values: readonly string[], principalArn: string): ContextValue[] {
  const base = operator.replace(/IfExists$/, '').replace(/^(ForAnyValue|ForAllValues):/, '');
  const out: string[] = [];
  for (const value of values) {
    if (/^Numeric/.test(base)) {
      const n = Number(value);
      out.push(...(Number.isFinite(n) ? [n - 1, n, n + 1].map(String) : [value]));
    } else if (/^Date/.test(base)) {
      const t = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
      out.push(...(Number.isFinite(t) ? [t - 1000, t, t + 1000].map((ms) => new Date(ms).toISOString()) : [value]));
    } else if (base === 'Bool' || base === 'Null') {
      out.push('true', 'false');
    } else if (/IpAddress$/.test(base)) {
      out.push(...ipWitnesses(value));
    } else {
      out.push(...instantiate(value, principalArn), value);
    }
  }
  out.push(OTHER);
  const unique = [...new Set(out)];
  // Multivalued keys: each value alone, and together with one nobody named.
  return /^For(Any|All)Value/.test(operator) ? [...unique.map((v) => [v]), [...new Set(values)].concat(OTHER)] : unique;
}

/** Every condition key either side tests, with its witness values (`undefined` means the key is absent). */
function conditionWitnesses(documents: PolicyDocument[], principalArn: string): Map<string, (ContextValue | undefined)[]> {
  const byKey = new Map<string, (ContextValue | undefined)[]>();
  for (const document of documents) {
    for (const statement of document.Statement) {
      for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
        for (const [key, values] of Object.entries(block)) {
          const lower = key.toLowerCase();
          const known = byKey.get(lower) ?? [undefined];
          for (const value of valueWitnesses(operator, values, principalArn)) {
            if (!known.some((k) => JSON.stringify(k) === JSON.stringify(value))) known.push(value);
          }
          byKey.set(lower, known);
        }
      }
    }
  }
  return byKey;
}

function withValue(context: Record<string, ContextValue>, key: string, value: ContextValue | undefined): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (const [k, v] of Object.entries(context)) if (k.toLowerCase() !== key) out[k] = v;
  if (value !== undefined) out[key] = value;
  return out;
}

/** The base contexts times the condition witnesses: every combination when few, else one key at a time. */
function contextWitnesses(spec: WitnessSpec, documents: PolicyDocument[]): Record<string, ContextValue>[] {
  const bases = spec.contexts && spec.contexts.length > 0 ? spec.contexts : [{}];
  const keys = [...conditionWitnesses(documents, spec.principalArn)];
  const product = keys.reduce((n, [, values]) => n * values.length, 1);
  const out = new Map<string, Record<string, ContextValue>>();
  const push = (context: Record<string, ContextValue>) => out.set(JSON.stringify(Object.entries(context).sort()), context);
  for (const base of bases) {
    if (product <= MAX_CONTEXT_PRODUCT) {
      let combos = [base];
      for (const [key, values] of keys) combos = combos.flatMap((c) => values.map((v) => withValue(c, key, v)));
      combos.forEach(push);
    } else {
      push(base);
      for (const [key, values] of keys) for (const value of values) push(withValue(base, key, value));
    }
  }
  return [...out.values()];
}

/**
 * The universe on which two policy sets must agree to be equivalent: every action of the services, the
 * lab's resources with witnesses drawn from both sides' policies plus one resource of every type nobody
 * named, and the contexts that cross every condition of either side.
 */
export function witnessUniverse(spec: WitnessSpec): UniverseSpec {
  const documents = documentsOf(spec.documents);
  return {
    principalArn: spec.principalArn,
    ...(spec.principal ? { principal: spec.principal } : {}),
    services: spec.services ?? CATALOGUE_SERVICES,
    ...(spec.actions ? { actions: spec.actions } : {}),
    resources: resourceWitnesses(spec, documents),
    contexts: contextWitnesses(spec, documents),
    anyOther: { accountId: spec.accountId, region: spec.region },
  };
}
