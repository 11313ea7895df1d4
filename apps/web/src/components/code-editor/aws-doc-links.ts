// Links into the Service Authorization Reference, whose page for a service is named after the service, not
// its prefix (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html),
// and the IAM User Guide's page of global condition keys, one anchor per key
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).

const REFERENCE = 'https://docs.aws.amazon.com/service-authorization/latest/reference';
const GLOBAL_KEYS_PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';

/** The page name of each curriculum service (the catalogue's services) in the Service Authorization Reference. */
const SERVICE_PAGES: Readonly<Record<string, string>> = {
  autoscaling: 'amazonec2autoscaling',
  cloudwatch: 'amazoncloudwatch',
  dynamodb: 'amazondynamodb',
  ec2: 'amazonec2',
  ecr: 'amazonelasticcontainerregistry',
  elasticloadbalancing: 'awselasticloadbalancingv2',
  iam: 'awsidentityandaccessmanagementiam',
  kms: 'awskeymanagementservice',
  lambda: 'awslambda',
  logs: 'amazoncloudwatchlogs',
  organizations: 'awsorganizations',
  s3: 'amazons3',
  sns: 'amazonsns',
  sqs: 'amazonsqs',
  ssm: 'awssystemsmanager',
  sts: 'awssecuritytokenservice',
};

type Section = 'actions-as-permissions' | 'resources-for-iam-policies' | 'policy-keys';

/** The reference's section of a service (its actions, resource types or condition keys), or the reference's index for a service it has no page name for here. */
export function serviceReferenceUrl(prefix: string, section: Section): string {
  const page = Object.hasOwn(SERVICE_PAGES, prefix.toLowerCase()) ? SERVICE_PAGES[prefix.toLowerCase()] : undefined;
  return page === undefined ? `${REFERENCE}/reference_policies_actions-resources-contextkeys.html` : `${REFERENCE}/list_${page}.html#${page}-${section}`;
}

/** The documentation of a condition key: the global key's own anchor (`#condition-keys-sourceip`), or its service's condition key table. */
export function conditionKeyUrl(key: string): string {
  const [prefix = '', name = ''] = key.split(':', 2);
  if (prefix.toLowerCase() !== 'aws') return serviceReferenceUrl(prefix, 'policy-keys');
  return `${GLOBAL_KEYS_PAGE}#condition-keys-${name.split('/')[0]!.toLowerCase()}`;
}
