import { getRecord, recordsFrom } from '../records.ts';
import type { IamManagedPolicy } from './state.ts';

// AWS managed policies the curriculum uses, with their documents as AWS publishes them in the
// AWS Managed Policy Reference (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/).
// ReadOnlyAccess is far larger than a lab needs: `ReadOnlyAccess` here is a faithful subset, the read
// actions of the curriculum's services only, and its description says so.

const all = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (Action: string | string[], extra: object = {}) => ({ Effect: 'Allow', Action, Resource: '*', ...extra });

const READ_SERVICES = ['autoscaling', 'cloudwatch', 'dynamodb', 'ec2', 'ecr', 'elasticloadbalancing', 'iam', 'kms', 'lambda', 'logs', 'organizations', 's3', 'sns', 'sqs', 'ssm', 'sts'];

const DOCUMENTS: Record<string, { document: string; description: string }> = {
  AdministratorAccess: { description: 'Provides full access to AWS services and resources.', document: all(allow('*')) },
  PowerUserAccess: {
    description: 'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    document: all(
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      allow(['account:GetAccountInformation', 'account:GetPrimaryEmail', 'account:ListRegions', 'iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization']),
    ),
  },
  ReadOnlyAccess: {
    description: 'Provides read-only access to AWS services and resources (Skylab: a faithful subset, the read actions of the curriculum services only).',
    document: all(allow(READ_SERVICES.flatMap((s) => [`${s}:Describe*`, `${s}:Get*`, `${s}:List*`]).concat(['s3:Head*', 'dynamodb:BatchGet*', 'dynamodb:Query', 'dynamodb:Scan', 'ecr:BatchGet*', 'ecr:BatchCheck*', 'logs:FilterLogEvents', 'logs:StartQuery', 'logs:StopQuery', 'logs:TestMetricFilter']))),
  },
  IAMFullAccess: {
    description: 'Provides full access to IAM via the AWS Management Console.',
    document: all(
      allow([
        'iam:*',
        'organizations:DescribeAccount',
        'organizations:DescribeOrganization',
        'organizations:DescribeOrganizationalUnit',
        'organizations:DescribePolicy',
        'organizations:ListChildren',
        'organizations:ListParents',
        'organizations:ListPoliciesForTarget',
        'organizations:ListRoots',
        'organizations:ListPolicies',
        'organizations:ListTargetsForPolicy',
      ]),
    ),
  },
  AmazonS3FullAccess: { description: 'Provides full access to all buckets via the AWS Management Console.', document: all(allow(['s3:*', 's3-object-lambda:*'])) },
  AmazonS3ReadOnlyAccess: {
    description: 'Provides read only access to all buckets via the AWS Management Console.',
    document: all(allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'])),
  },
  AmazonEC2FullAccess: {
    description: 'Provides full access to Amazon EC2 via the AWS Management Console.',
    document: all(
      allow('ec2:*'),
      allow('elasticloadbalancing:*'),
      allow('cloudwatch:*'),
      allow('autoscaling:*'),
      allow('iam:CreateServiceLinkedRole', {
        Condition: {
          StringEquals: {
            'iam:AWSServiceName': ['autoscaling.amazonaws.com', 'ec2scheduled.amazonaws.com', 'elasticloadbalancing.amazonaws.com', 'spot.amazonaws.com', 'spotfleet.amazonaws.com', 'transitgateway.amazonaws.com'],
          },
        },
      }),
    ),
  },
  AmazonEC2ReadOnlyAccess: {
    description: 'Provides read only access to Amazon EC2 via the AWS Management Console.',
    document: all(allow('ec2:Describe*'), allow('elasticloadbalancing:Describe*'), allow(['cloudwatch:ListMetrics', 'cloudwatch:GetMetricStatistics', 'cloudwatch:Describe*']), allow('autoscaling:Describe*')),
  },
  CloudWatchLogsFullAccess: {
    description: 'Provides full access to CloudWatch Logs',
    document: all({ Sid: 'CloudWatchLogsFullAccess', ...allow(['logs:*', 'cloudwatch:GenerateQuery', 'cloudwatch:GenerateQueryResultsSummary']) }),
  },
  AmazonSSMManagedInstanceCore: {
    description: 'The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.',
    document: all(
      allow([
        'ssm:DescribeAssociation',
        'ssm:GetDeployablePatchSnapshotForInstance',
        'ssm:GetDocument',
        'ssm:DescribeDocument',
        'ssm:GetManifest',
        'ssm:GetParameter',
        'ssm:GetParameters',
        'ssm:ListAssociations',
        'ssm:ListInstanceAssociations',
        'ssm:PutInventory',
        'ssm:PutComplianceItems',
        'ssm:PutConfigurePackageResult',
        'ssm:UpdateAssociationStatus',
        'ssm:UpdateInstanceAssociationStatus',
        'ssm:UpdateInstanceInformation',
      ]),
      allow(['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel']),
      allow(['ec2messages:AcknowledgeMessage', 'ec2messages:DeleteMessage', 'ec2messages:FailMessage', 'ec2messages:GetEndpoint', 'ec2messages:GetMessages', 'ec2messages:SendReply']),
    ),
  },
  AmazonEC2ContainerRegistryReadOnly: {
    description: 'Provides read-only access to Amazon EC2 Container Registry repositories.',
    document: all(
      allow([
        'ecr:GetAuthorizationToken',
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:GetRepositoryPolicy',
        'ecr:DescribeRepositories',
        'ecr:ListImages',
        'ecr:DescribeImages',
        'ecr:BatchGetImage',
        'ecr:GetLifecyclePolicy',
        'ecr:GetLifecyclePolicyPreview',
        'ecr:ListTagsForResource',
        'ecr:DescribeImageScanFindings',
      ]),
    ),
  },
};

const EPOCH = '2015-02-06T18:39:46Z';

/** The AWS managed policies by ARN (`arn:aws:iam::aws:policy/<name>`); read-only, never in account state. */
export const AWS_MANAGED_POLICIES: Readonly<Record<string, IamManagedPolicy>> = recordsFrom(
  Object.entries(DOCUMENTS).map(([name, { document, description }]) => {
    const arn = `arn:aws:iam::aws:policy/${name}`;
    const policy: IamManagedPolicy = {
      PolicyName: name,
      PolicyId: `ANPA${name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 17).padEnd(17, 'X')}`,
      Arn: arn,
      Path: '/',
      Description: description,
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      CreateDate: EPOCH,
      UpdateDate: EPOCH,
      Versions: [{ VersionId: 'v1', Document: document, IsDefaultVersion: true, CreateDate: EPOCH }],
    };
    return [arn, policy];
  }),
);

/** A customer managed policy of the account (`policies`) or an AWS managed one, by ARN. */
export function managedPolicy(policies: Readonly<Record<string, IamManagedPolicy>>, arn: string): IamManagedPolicy | undefined {
  return getRecord(policies, arn) ?? getRecord(AWS_MANAGED_POLICIES, arn);
}
