/** A resource type an action can act on, with the ARN pattern from the Service Authorization Reference. */
export interface CatalogueResourceType {
  name: string;
  /** Such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  arn: string;
  /** Whether the action always acts on a resource of this type (marked `*` in the reference). */
  required?: boolean;
}

/** An action and the resource types it supports; none means it has no resource-level permissions. */
export interface CatalogueAction {
  name: string;
  resourceTypes: readonly CatalogueResourceType[];
  /** Such as `Read` or `Permissions management, Write`. */
  accessLevel?: string;
  /** The condition keys the action supports, its own and its resource types'. */
  conditionKeys?: readonly string[];
}

/** The value type of a condition key, as the Service Authorization Reference names it. */
export type ConditionKeyType = 'String' | 'ARN' | 'Numeric' | 'Date' | 'Bool' | 'IPAddress' | 'Binary' | 'ArrayOfString' | 'ArrayOfARN' | 'ArrayOfNumeric' | 'ArrayOfBool';

/**
 * What the IAM rules need to know about AWS services (https://docs.aws.amazon.com/service-authorization/latest/reference/).
 * A catalogue may know a service without listing its actions; rules about unknown actions then stay silent.
 */
export interface IamCatalogue {
  hasService(prefix: string): boolean;
  /** Every action of the service, or undefined when the catalogue does not list them. */
  actions(prefix: string): readonly CatalogueAction[] | undefined;
  /** One action by its case-insensitive name: `action('s3', 'GetObject')` or `action('s3:GetObject')`. */
  action(prefixOrAction: string, name?: string): CatalogueAction | undefined;
  /** The type of a service condition key (such as `s3:x-amz-acl`), case-insensitive. */
  conditionKeyType(key: string): ConditionKeyType | undefined;
}

/** Builds a catalogue from plain data; `complete` services list every action. */
export function catalogueFrom(data: {
  services: readonly string[];
  actions: Readonly<Record<string, readonly CatalogueAction[]>>;
  complete: readonly string[];
  conditionKeys?: Readonly<Record<string, ConditionKeyType>>;
}): IamCatalogue {
  const services = new Set(data.services.map((s) => s.toLowerCase()));
  const byName = new Map<string, CatalogueAction>();
  for (const [prefix, actions] of Object.entries(data.actions)) {
    services.add(prefix.toLowerCase());
    for (const action of actions) byName.set(`${prefix}:${action.name}`.toLowerCase(), action);
  }
  const complete = new Set(data.complete.map((s) => s.toLowerCase()));
  const keys = new Map(Object.entries(data.conditionKeys ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    hasService: (prefix) => services.has(prefix.toLowerCase()),
    actions: (prefix) => (complete.has(prefix.toLowerCase()) ? (Object.entries(data.actions).find(([p]) => p.toLowerCase() === prefix.toLowerCase())?.[1] ?? []) : undefined),
    action: (prefix, name) => byName.get((name === undefined ? prefix : `${prefix}:${name}`).toLowerCase()),
    conditionKeyType: (key) => keys.get(key.toLowerCase()),
  };
}
