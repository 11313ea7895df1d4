import { describe, expect, it } from 'vitest';
import { arnMatches, splitArn } from './arn.ts';

const RESOURCE_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html';

describe('splitArn', () => {
  it('keeps colons in the resource part', () => {
    expect(splitArn('arn:aws:logs:us-east-1:111122223333:log-group:app:*')).toEqual(['arn', 'aws', 'logs', 'us-east-1', '111122223333', 'log-group:app:*']);
    expect(splitArn('arn:aws:s3:::b/k')).toEqual(['arn', 'aws', 's3', '', '', 'b/k']);
  });
});

describe('arnMatches', () => {
  it.each([
    // The wildcard example of the Resource element page: `*` spans `/` in the resource part.
    ['arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket/1/test/object.jpg', true, RESOURCE_DOC],
    ['arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/object.jpg', true, RESOURCE_DOC],
    ['arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/object.jpg', true, RESOURCE_DOC],
    ['arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket/1///test///object.jpg', true, RESOURCE_DOC],
    ['arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket//test/object.jpg', true, RESOURCE_DOC],
    ['arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket/1/test/', true, RESOURCE_DOC],
    ['arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket/1-test/object.jpg', false, RESOURCE_DOC],
    ['arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket/test/object.jpg', false, RESOURCE_DOC],
    ['arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test.jpg', false, RESOURCE_DOC],
    ['arn:aws:iam::111122223333:user/accounting/*', 'arn:aws:iam::111122223333:user/accounting/bob', true, RESOURCE_DOC],
    ['arn:aws:iam::111122223333:user/accounting/*', 'arn:aws:iam::111122223333:user/marketing/bob', false, RESOURCE_DOC],
    // User names in Resource are case-sensitive.
    ['arn:aws:iam::111122223333:user/Bob', 'arn:aws:iam::111122223333:user/bob', false, RESOURCE_DOC],
    // The bucket ARN and its objects are different resources.
    ['arn:aws:s3:::my-app-bucket', 'arn:aws:s3:::my-app-bucket/a.txt', false, RESOURCE_DOC],
    ['arn:aws:s3:::my-app-bucket/*', 'arn:aws:s3:::my-app-bucket', false, RESOURCE_DOC],
    ['arn:aws:s3:::my-app-bucket*', 'arn:aws:s3:::my-app-bucket/a.txt', true, RESOURCE_DOC],
    ['arn:aws:s3:::example?bucket/*', 'arn:aws:s3:::example1bucket/k', true, RESOURCE_DOC],
    // Wildcards stay inside their segment: `*` in the region does not swallow the account.
    ['arn:aws:ec2:*:111122223333:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', true, RESOURCE_DOC],
    ['arn:aws:ec2:*:111122223333:instance/*', 'arn:aws:ec2:us-east-1:444455556666:instance/i-1', false, RESOURCE_DOC],
    ['arn:aws:ec2:us-*:*:instance/*', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1', false, RESOURCE_DOC],
    // A `*` ending a shortened ARN runs across the remaining colons.
    ['arn:aws:s3:*', 'arn:aws:s3:::b/k', true, RESOURCE_DOC],
    ['arn:aws:s3', 'arn:aws:s3:::b/k', false, RESOURCE_DOC],
    ['*', 'arn:aws:s3:::b', true, RESOURCE_DOC],
  ])('%s matches %s: %s', (pattern, arn, expected) => {
    expect(arnMatches(pattern, arn)).toBe(expected);
  });
});
