import { CATALOGUE_SERVICES } from '@skylab/validation';
import { describe, expect, it } from 'vitest';
import { conditionKeyUrl, serviceReferenceUrl } from './aws-doc-links.ts';

const REFERENCE = 'https://docs.aws.amazon.com/service-authorization/latest/reference';

describe('serviceReferenceUrl', () => {
  // Page names as the Service Authorization Reference publishes them (its index links every service page).
  it.each([
    ['s3', 'actions-as-permissions', `${REFERENCE}/list_amazons3.html#amazons3-actions-as-permissions`],
    ['elasticloadbalancing', 'policy-keys', `${REFERENCE}/list_awselasticloadbalancingv2.html#awselasticloadbalancingv2-policy-keys`],
    ['AutoScaling', 'resources-for-iam-policies', `${REFERENCE}/list_amazonec2autoscaling.html#amazonec2autoscaling-resources-for-iam-policies`],
    ['braket', 'actions-as-permissions', `${REFERENCE}/reference_policies_actions-resources-contextkeys.html`],
    ['constructor', 'actions-as-permissions', `${REFERENCE}/reference_policies_actions-resources-contextkeys.html`],
  ] as const)('links %s’s %s', (prefix, section, url) => {
    expect(serviceReferenceUrl(prefix, section)).toBe(url);
  });

  it('has a page for every service the catalogue lists completely', () => {
    for (const prefix of CATALOGUE_SERVICES) expect(serviceReferenceUrl(prefix, 'policy-keys'), prefix).toContain('/list_');
  });
});

describe('conditionKeyUrl', () => {
  it.each([
    ['aws:SourceIp', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip'],
    ['aws:ResourceTag/team', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourcetag'],
    ['s3:prefix', `${REFERENCE}/list_amazons3.html#amazons3-policy-keys`],
    ['ec2:ResourceTag/team', `${REFERENCE}/list_amazonec2.html#amazonec2-policy-keys`],
  ])('links %s', (key, url) => {
    expect(conditionKeyUrl(key)).toBe(url);
  });
});
