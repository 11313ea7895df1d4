import type { ConditionKeyType } from './catalogue.ts';

// The global condition keys, their types and whether every request carries them:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
// ("Availability – This key is always included in the request context").

interface GlobalKey {
  type: ConditionKeyType;
  alwaysPresent?: boolean;
}

const KEYS: Record<string, GlobalKey> = {
  'aws:CalledVia': { type: 'ArrayOfString' },
  'aws:CalledViaFirst': { type: 'String' },
  'aws:CalledViaLast': { type: 'String' },
  'aws:CurrentTime': { type: 'Date', alwaysPresent: true },
  'aws:EpochTime': { type: 'Date', alwaysPresent: true },
  'aws:FederatedProvider': { type: 'String' },
  'aws:MultiFactorAuthAge': { type: 'Numeric' },
  'aws:MultiFactorAuthPresent': { type: 'Bool' },
  'aws:PrincipalAccount': { type: 'String', alwaysPresent: true },
  'aws:PrincipalArn': { type: 'ARN', alwaysPresent: true },
  'aws:PrincipalIsAWSService': { type: 'Bool', alwaysPresent: true },
  'aws:PrincipalOrgID': { type: 'String' },
  'aws:PrincipalOrgPaths': { type: 'ArrayOfString' },
  'aws:PrincipalServiceName': { type: 'String' },
  'aws:PrincipalServiceNamesList': { type: 'ArrayOfString' },
  'aws:PrincipalTag/<key>': { type: 'String' },
  'aws:PrincipalType': { type: 'String', alwaysPresent: true },
  'aws:Referer': { type: 'String' },
  'aws:RequestedRegion': { type: 'String' },
  'aws:RequestTag/<key>': { type: 'String' },
  'aws:ResourceAccount': { type: 'String' },
  'aws:ResourceOrgID': { type: 'String' },
  'aws:ResourceOrgPaths': { type: 'ArrayOfString' },
  'aws:ResourceTag/<key>': { type: 'String' },
  'aws:SecureTransport': { type: 'Bool', alwaysPresent: true },
  'aws:SourceAccount': { type: 'String' },
  'aws:SourceArn': { type: 'ARN' },
  'aws:SourceIdentity': { type: 'String' },
  'aws:SourceIp': { type: 'IPAddress' },
  'aws:SourceOrgID': { type: 'String' },
  'aws:SourceVpc': { type: 'String' },
  'aws:SourceVpce': { type: 'String' },
  'aws:TagKeys': { type: 'ArrayOfString' },
  'aws:TokenIssueTime': { type: 'Date' },
  'aws:UserAgent': { type: 'String' },
  'aws:userid': { type: 'String', alwaysPresent: true },
  'aws:username': { type: 'String' },
  'aws:ViaAWSService': { type: 'Bool', alwaysPresent: true },
  'aws:VpcSourceIp': { type: 'IPAddress' },
};

/** Every global condition key with its value type, spelled as the IAM User Guide spells it (tag keys as `aws:PrincipalTag/<key>`). */
export const GLOBAL_CONDITION_KEYS: readonly { key: string; type: ConditionKeyType; alwaysPresent: boolean }[] = Object.entries(KEYS).map(([key, facts]) => ({
  key,
  type: facts.type,
  alwaysPresent: facts.alwaysPresent === true,
}));

const BY_LOWER = new Map(Object.entries(KEYS).map(([k, v]) => [k.toLowerCase(), v]));

/** The catalogue spelling of a key: tag keys such as `aws:PrincipalTag/team` become `aws:PrincipalTag/<key>`. */
export function keyTemplate(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : `${key.slice(0, slash)}/<key>`;
}

/** A global condition key's facts, or undefined for a key outside `aws:`. */
export function globalConditionKey(key: string): GlobalKey | undefined {
  return BY_LOWER.get(keyTemplate(key).toLowerCase());
}
