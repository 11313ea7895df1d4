import { ec2Service } from './ec2-service.ts';
import { autoscalingService } from './autoscaling-service.ts';
import { cloudwatchService } from './cloudwatch-service.ts';
import { elbv2Service } from './elbv2-service.ts';
import { iamService } from './iam-service.ts';
import { s3Service } from './s3-service.ts';
import { stsService } from './sts-service.ts';
import type { WireService } from './types.ts';

/** The services the wire serves, by signing name: a service joins with one line here. */
export const WIRE_SERVICES: Record<string, WireService> = {
  iam: iamService,
  sts: stsService,
  ec2: ec2Service,
  elasticloadbalancing: elbv2Service,
  autoscaling: autoscalingService,
  monitoring: cloudwatchService,
  s3: s3Service,
};
