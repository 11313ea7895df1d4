import { catalogueFrom, type CatalogueAction, type IamCatalogue } from './catalogue.ts';

// A small hand-written catalogue for the curriculum's services, used until the generated one
// (`src/catalogue/`) is wired in. Facts from the Service Authorization Reference:
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html (and the IAM, STS, EC2 pages).
// It lists no service completely, so it never calls an action unknown.

const BUCKET = { name: 'bucket', arn: 'arn:${Partition}:s3:::${BucketName}' };
const OBJECT = { name: 'object', arn: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}' };
const ROLE = { name: 'role', arn: 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}' };
const USER = { name: 'user', arn: 'arn:${Partition}:iam::${Account}:user/${UserNameWithPath}' };
const POLICY = { name: 'policy', arn: 'arn:${Partition}:iam::${Account}:policy/${PolicyNameWithPath}' };
const INSTANCE = { name: 'instance', arn: 'arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}' };
const REPOSITORY = { name: 'repository', arn: 'arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}' };

const on = (resourceTypes: CatalogueAction['resourceTypes'], ...names: string[]): CatalogueAction[] => names.map((name) => ({ name, resourceTypes }));

const SERVICES = [
  'a4b', 'access-analyzer', 'acm', 'apigateway', 'application-autoscaling', 'athena', 'autoscaling', 'aws-portal', 'backup', 'batch', 'ce',
  'cloud9', 'cloudformation', 'cloudfront', 'cloudshell', 'cloudtrail', 'cloudwatch', 'codebuild', 'codecommit', 'codedeploy', 'codepipeline',
  'cognito-identity', 'cognito-idp', 'config', 'dynamodb', 'ebs', 'ec2', 'ec2-instance-connect', 'ecr', 'ecr-public', 'ecs', 'eks',
  'elasticache', 'elasticbeanstalk', 'elasticfilesystem', 'elasticloadbalancing', 'es', 'events', 'firehose', 'glacier', 'glue', 'guardduty',
  'health', 'iam', 'inspector2', 'kinesis', 'kms', 'lambda', 'logs', 'organizations', 'rds', 'redshift', 'route53', 'route53domains',
  's3', 's3-object-lambda', 'sagemaker', 'secretsmanager', 'securityhub', 'ses', 'sns', 'sqs', 'ssm', 'sso', 'states', 'sts', 'support',
  'tag', 'trustedadvisor', 'waf', 'wafv2', 'xray',
];

/** The built-in catalogue: service prefixes, and resource types for the actions the labs use most. */
export const seedCatalogue: IamCatalogue = catalogueFrom({
  services: SERVICES,
  complete: [],
  actions: {
    s3: [
      ...on([], 'ListAllMyBuckets', 'CreateJob', 'ListAccessPoints', 'ListJobs', 'PutAccessPointPublicAccessBlock', 'GetAccessPoint'),
      ...on([BUCKET], 'ListBucket', 'ListBucketVersions', 'ListBucketMultipartUploads', 'CreateBucket', 'DeleteBucket', 'GetBucketPolicy', 'PutBucketPolicy', 'DeleteBucketPolicy', 'GetBucketLocation', 'GetLifecycleConfiguration', 'PutLifecycleConfiguration', 'GetBucketVersioning', 'PutBucketVersioning', 'GetBucketAcl', 'PutBucketAcl', 'GetEncryptionConfiguration', 'PutEncryptionConfiguration', 'PutBucketPublicAccessBlock', 'GetBucketPublicAccessBlock', 'GetBucketTagging', 'PutBucketTagging'),
      ...on([OBJECT], 'GetObject', 'PutObject', 'DeleteObject', 'GetObjectVersion', 'DeleteObjectVersion', 'GetObjectAcl', 'PutObjectAcl', 'GetObjectTagging', 'PutObjectTagging', 'AbortMultipartUpload', 'ListMultipartUploadParts', 'RestoreObject'),
    ],
    iam: [
      ...on([], 'ListRoles', 'ListUsers', 'ListPolicies', 'GetAccountSummary', 'GetAccountPasswordPolicy', 'CreateAccountAlias', 'ListAccountAliases', 'GenerateCredentialReport', 'GetCredentialReport'),
      ...on([ROLE], 'PassRole', 'GetRole', 'CreateRole', 'DeleteRole', 'AttachRolePolicy', 'DetachRolePolicy', 'PutRolePolicy', 'DeleteRolePolicy', 'UpdateAssumeRolePolicy', 'ListAttachedRolePolicies', 'ListRolePolicies', 'TagRole', 'PutRolePermissionsBoundary'),
      ...on([USER], 'GetUser', 'CreateUser', 'DeleteUser', 'AttachUserPolicy', 'DetachUserPolicy', 'PutUserPolicy', 'CreateAccessKey', 'DeleteAccessKey', 'ListAccessKeys', 'ChangePassword', 'CreateLoginProfile', 'TagUser'),
      ...on([POLICY], 'GetPolicy', 'GetPolicyVersion', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'ListPolicyVersions'),
    ],
    sts: [
      ...on([ROLE], 'AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'TagSession', 'SetSourceIdentity'),
      ...on([], 'GetCallerIdentity', 'GetSessionToken', 'DecodeAuthorizationMessage', 'GetAccessKeyInfo'),
    ],
    ec2: [
      ...on([], 'DescribeInstances', 'DescribeSecurityGroups', 'DescribeSubnets', 'DescribeVpcs', 'DescribeImages', 'DescribeRouteTables', 'DescribeNetworkAcls', 'DescribeLaunchTemplates', 'DescribeRegions', 'DescribeAvailabilityZones', 'DescribeKeyPairs', 'DescribeVolumes', 'DescribeTags'),
      ...on([INSTANCE], 'StartInstances', 'StopInstances', 'RebootInstances', 'TerminateInstances', 'GetConsoleOutput', 'ModifyInstanceAttribute'),
    ],
    ecr: [
      ...on([], 'GetAuthorizationToken', 'DescribeRegistry'),
      ...on([REPOSITORY], 'BatchGetImage', 'GetDownloadUrlForLayer', 'BatchCheckLayerAvailability', 'PutImage', 'InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload', 'DescribeImages', 'ListImages', 'DeleteRepository', 'PutLifecyclePolicy', 'SetRepositoryPolicy'),
    ],
    autoscaling: on([], 'DescribeAutoScalingGroups', 'DescribeScalingActivities', 'DescribePolicies', 'DescribeLaunchConfigurations'),
    elasticloadbalancing: on([], 'DescribeLoadBalancers', 'DescribeTargetGroups', 'DescribeListeners', 'DescribeRules', 'DescribeTargetHealth'),
    cloudwatch: on([], 'DescribeAlarms', 'GetMetricData', 'ListMetrics', 'PutMetricData', 'GetMetricStatistics'),
  },
  conditionKeys: {
    's3:prefix': 'String',
    's3:delimiter': 'String',
    's3:max-keys': 'Numeric',
    's3:x-amz-acl': 'String',
    's3:x-amz-server-side-encryption': 'String',
    's3:ExistingObjectTag/<key>': 'String',
    's3:TlsVersion': 'Numeric',
    's3:signatureAge': 'Numeric',
    'iam:PassedToService': 'String',
    'iam:PermissionsBoundary': 'ARN',
    'iam:PolicyARN': 'ARN',
    'ec2:InstanceType': 'String',
    'ec2:Region': 'String',
    'ec2:ResourceTag/<key>': 'String',
    'ec2:MetadataHttpTokens': 'String',
    'ec2:Encrypted': 'Bool',
    'ec2:VolumeSize': 'Numeric',
    'sts:ExternalId': 'String',
    'sts:RoleSessionName': 'String',
    'sts:SourceIdentity': 'String',
  },
});
