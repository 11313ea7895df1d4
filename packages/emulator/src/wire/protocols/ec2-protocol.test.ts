import { describe, expect, it } from 'vitest';
import { AwsError } from '../../errors.ts';
import { awsErrorCode } from '../../test-ctx.ts';
import type { InputSpec } from '../input.ts';
import { formPairs, parseQueryRequest } from '../query.ts';
import { decodeEc2Input, ec2Error, ec2ErrorXml, ec2ResponseXml } from './ec2-protocol.ts';
import { ec2XmlName } from './ec2-names.ts';

const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const params = (body: string) => parseQueryRequest(formPairs(`Action=X&${body}`)).params;

describe('decoding EC2 request parameters', () => {
  const TAGS: InputSpec = { TagSpecifications: { list: { struct: { ResourceType: 'string!', Tags: { list: { struct: { Key: 'string!', Value: 'string' } } } } } } };
  const FILTERS: InputSpec = { Filters: { list: { struct: { Name: 'string!', Values: { list: 'string' } } } }, MaxResults: 'integer', DryRun: 'boolean' };
  const RULES: InputSpec = {
    GroupId: 'string!',
    IpPermissions: { list: { struct: { IpProtocol: 'string!', FromPort: 'integer', UserIdGroupPairs: { list: { struct: { GroupId: 'string!' } } } } } },
  };
  // Parameter names as on https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html,
  // …/API_CreateVpc.html and …/API_AuthorizeSecurityGroupIngress.html (`IpPermissions.N.Groups.N`).
  const cases: [string, string, InputSpec, Record<string, unknown>][] = [
    ['ids as Name.N under the singular name', 'VpcId.2=vpc-b&VpcId.1=vpc-a', { VpcIds: { list: 'string' } }, { VpcIds: ['vpc-a', 'vpc-b'] }],
    [
      'filters with their values, a page size and DryRun',
      'Filter.1.Name=tag%3AName&Filter.1.Value.1=web*&Filter.1.Value.2=db&Filter.2.Name=state&Filter.2.Value.1=available&MaxResults=5&DryRun=true',
      FILTERS,
      { Filters: [{ Name: 'tag:Name', Values: ['web*', 'db'] }, { Name: 'state', Values: ['available'] }], MaxResults: 5, DryRun: true },
    ],
    [
      'tag specifications',
      'TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=lab',
      TAGS,
      { TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'lab' }] }] },
    ],
    [
      'security group pairs sent as Groups',
      'GroupId=sg-1&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=22&IpPermissions.1.Groups.1.GroupId=sg-2',
      RULES,
      { GroupId: 'sg-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, UserIdGroupPairs: [{ GroupId: 'sg-2' }] }] },
    ],
  ];
  it.each(cases)('%s', (_name, body, spec, expected) => {
    expect(decodeEc2Input(params(body), spec)).toEqual(expected);
  });

  const errors: [string, string, InputSpec, string, RegExp][] = [
    ['a missing required parameter', 'VpcId.1=x', { GroupId: 'string!' }, 'MissingParameter', /`GroupId`/],
    ['a nested one, named by its full path', 'IpPermissions.1.FromPort=22', RULES, 'MissingParameter', /`GroupId`/],
    ['a parameter the action does not take', 'GroupId=sg-1&CidrIp=0.0.0.0%2F0', RULES, 'UnknownParameter', /`CidrIp`/],
    ['a misspelt nested one', 'GroupId=sg-1&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPrt=1', RULES, 'UnknownParameter', /`IpPermissions\.1\.FromPrt`/],
    ['the member name instead of the wire name', 'VpcIds.1=vpc-a', { VpcIds: { list: 'string' } }, 'UnknownParameter', /`VpcIds`/],
    ['a list sent as one value', 'VpcId=vpc-a', { VpcIds: { list: 'string' } }, 'InvalidParameterValue', /`VpcId\.1`/],
    ['a boolean that is not one', 'DryRun=yes', FILTERS, 'InvalidParameterValue', /`yes`/],
    ['a number that is not one', 'MaxResults=ten', FILTERS, 'InvalidParameterValue', /`ten`/],
  ];
  it.each(errors)('refuses %s', (_name, body, spec, code, message) => {
    expect(awsErrorCode(() => decodeEc2Input(params(body), spec))).toBe(code);
    expect(() => decodeEc2Input(params(body), spec)).toThrow(message);
  });
});

describe('EC2 element names', () => {
  // Element names from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Instance.html,
  // …/API_Volume.html, …/API_InternetGatewayAttachment.html, …/API_SecurityGroup.html and …/API_NetworkAcl.html.
  const cases: [string[], string][] = [
    [['DescribeVpcs', 'Vpcs'], 'vpcSet'],
    [['DescribeVpcs', 'Vpcs', 'Tags'], 'tagSet'],
    [['DescribeVpcs', 'Vpcs', 'CidrBlock'], 'cidrBlock'],
    [['DescribeInstances', 'Reservations', 'Instances', 'State'], 'instanceState'],
    [['DescribeInstances', 'Reservations', 'Instances', 'PublicIpAddress'], 'ipAddress'],
    [['DescribeInstances', 'Reservations', 'Instances', 'SecurityGroups'], 'groupSet'],
    [['DescribeSecurityGroups', 'SecurityGroups'], 'securityGroupInfo'],
    [['DescribeSecurityGroups', 'SecurityGroups', 'Description'], 'groupDescription'],
    [['DescribeSecurityGroups', 'SecurityGroups', 'IpPermissions', 'UserIdGroupPairs'], 'groups'],
    [['DescribeVolumes', 'Volumes', 'State'], 'status'],
    [['DescribeVolumes', 'Volumes', 'Attachments', 'State'], 'status'],
    [['DescribeInternetGateways', 'InternetGateways', 'Attachments', 'State'], 'state'],
    [['DescribeNetworkAcls', 'NetworkAcls', 'IsDefault'], 'default'],
    [['DescribeVpcs', 'Vpcs', 'IsDefault'], 'isDefault'],
  ];
  it.each(cases)('%j is <%s>', (path, name) => {
    expect(ec2XmlName(path)).toBe(name);
  });
});

describe('EC2 responses', () => {
  it('writes the output inside the action response with a requestId, lists as item', () => {
    const xml = ec2ResponseXml('DescribeVpcs', { Vpcs: [{ VpcId: 'vpc-1', IsDefault: false, Tags: [{ Key: 'Name', Value: 'a&b' }] }] }, XMLNS, 'req-1');
    expect(xml).toBe(
      `<DescribeVpcsResponse xmlns="${XMLNS}"><requestId>req-1</requestId><vpcSet><item><vpcId>vpc-1</vpcId><isDefault>false</isDefault>` +
        '<tagSet><item><key>Name</key><value>a&amp;b</value></item></tagSet></item></vpcSet></DescribeVpcsResponse>',
    );
  });

  it('answers an action without output with return true (API_DeleteVpc.html)', () => {
    expect(ec2ResponseXml('DeleteVpc', {}, XMLNS, 'r')).toBe(`<DeleteVpcResponse xmlns="${XMLNS}"><requestId>r</requestId><return>true</return></DeleteVpcResponse>`);
  });

  it('writes an empty list as an empty element', () => {
    expect(ec2ResponseXml('DescribeVpcs', { Vpcs: [] }, XMLNS, 'r')).toContain('<vpcSet></vpcSet>');
  });

  it('writes errors in the EC2 envelope (errors-overview.html)', () => {
    expect(ec2ErrorXml({ code: 'InvalidVpcID.NotFound', message: 'the vpc id `<x>` does not exist' }, 'r')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>InvalidVpcID.NotFound</Code>' +
        '<Message>the vpc id `&lt;x&gt;` does not exist</Message></Error></Errors><RequestID>r</RequestID></Response>',
    );
  });

  it('turns an IAM refusal into UnauthorizedOperation and leaves an operation\'s errors as they are', () => {
    const denied = ec2Error(new AwsError('AccessDenied', 'User: arn:aws:iam::1:user/a is not authorized to perform: ec2:CreateVpc', 403));
    expect([denied.code, denied.httpStatus]).toEqual(['UnauthorizedOperation', 403]);
    expect(denied.message).toBe('You are not authorized to perform this operation. User: arn:aws:iam::1:user/a is not authorized to perform: ec2:CreateVpc');
    const other = new AwsError('InvalidVpcID.NotFound', 'x', 400);
    expect(ec2Error(other)).toBe(other);
  });

  it('answers an unknown key or a wrong signature with AuthFailure (401)', () => {
    for (const code of ['InvalidClientTokenId', 'SignatureDoesNotMatch']) {
      const answered = ec2Error(new AwsError(code, 'x', 403));
      expect([answered.code, answered.httpStatus, answered.message]).toEqual(['AuthFailure', 401, 'AWS was not able to validate the provided access credentials']);
    }
  });
});
