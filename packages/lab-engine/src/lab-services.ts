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

/** The services (signing names) the attempt's AWS endpoint answers today. */
export function servedServices(): string[] {
  return Object.keys(WIRE_SERVICES);
}

/**
 * The services the lab's tasks use, when the attempt's AWS endpoint answers every one of them, else none:
 * the credentials panel is offered only where all of the learner's CLI calls can work (an Auto Scaling lab
 * also needs CloudWatch, an EBS lab KMS; half a lab on the wire would be a lab the learner cannot finish
 * there). A lab of quizzes only uses no service and gets no panel.
 */
export function awsEndpointServices(lab: Lab, served: readonly string[] = servedServices()): string[] {
  const wanted = [...new Set(lab.tasks.flatMap((task) => TASK_SERVICES[task.kind]))];
  return wanted.length > 0 && wanted.every((service) => served.includes(service)) ? served.filter((service) => wanted.includes(service)) : [];
}
