import { WIRE_SERVICES } from '@skylab/emulator';
import type { Lab, LabTask } from '@skylab/validation';

/**
 * The AWS services (by signing name) a learner would call to do each kind of task by hand. IAM work also
 * needs STS (`GetCallerIdentity`, `AssumeRole`); CloudWatch signs as `monitoring`.
 */
const TASK_SERVICES: Record<LabTask['kind'], readonly string[]> = {
  'iam-policy': ['iam', 'sts'],
  'iam-trust-policy': ['iam', 'sts'],
  'security-groups': ['ec2'],
  'nacl-entries': ['ec2'],
  'launch-template': ['ec2'],
  'route-table': ['ec2'],
  'target-group': ['elasticloadbalancing'],
  'alb-listener-rules': ['elasticloadbalancing'],
  'auto-scaling-group': ['autoscaling', 'monitoring'],
  'ebs-settings': ['ec2', 'kms'],
  'ecr-repository': ['ecr'],
  's3-bucket': ['s3'],
  'cloudwatch-alarm': ['monitoring'],
  quiz: [],
};

/**
 * The services of the lab that the attempt's AWS endpoint answers, so the credentials panel is offered
 * only where the learner's CLI calls can work (a storage lab's S3 calls would fail until S3 is served).
 */
export function awsEndpointServices(lab: Lab): string[] {
  const wanted = new Set(lab.tasks.flatMap((task) => TASK_SERVICES[task.kind]));
  return Object.keys(WIRE_SERVICES).filter((service) => wanted.has(service));
}
