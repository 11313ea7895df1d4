import { z } from 'zod';
import { elbActionSchema, listenerRuleSchema } from '../schemas/elb.ts';
import { int, list, oneOf } from '../schemas/common.ts';
import { resourceName, text } from './fields.ts';

// The ELBv2 part of a lab's setup, in the field names of the Elastic Load Balancing v2 API
// (CreateTargetGroup, RegisterTargets, CreateLoadBalancer, CreateListener, CreateRule). ARNs and ids are
// assigned per attempt, so fields that take one (`VpcId`, `Subnets`, `SecurityGroups`, `TargetGroupArn`,
// a target's `Id`) take the lab name of the resource instead, as the EC2 setup does.

const name = (what: string) => text(`a ${what} name`).describe(`The ${what}'s name (1-32 letters, digits or hyphens); checks, tasks and actions refer to it by this name`);

const targetSchema = z
  .strictObject({
    Id: text('a target `Id`').describe('An instance of the setup by name (target type `instance`) or an IPv4 address (target type `ip`)'),
    Port: int(1, 65535, '`Port`').optional().describe("The port traffic goes to; the target group's port when left out"),
  })
  .describe('A target to register (RegisterTargets)');

const targetGroupSchema = z
  .strictObject({
    Name: name('target group'),
    Protocol: oneOf(['HTTP', 'HTTPS'], '`Protocol`').prefault('HTTP').describe('The protocol to the targets'),
    Port: int(1, 65535, '`Port`').describe('The port on the targets'),
    VpcId: resourceName('vpc').describe('The VPC of the targets, by name'),
    TargetType: oneOf(['instance', 'ip'], '`TargetType`').prefault('instance').describe('What is registered: instances or IP addresses'),
    HealthCheckPath: z.string().optional().describe('The path the health check requests, `/` when left out'),
    HealthCheckIntervalSeconds: int(5, 300, '`HealthCheckIntervalSeconds`').optional().describe('Seconds between health checks of a target (30 when left out)'),
    HealthCheckTimeoutSeconds: int(2, 120, '`HealthCheckTimeoutSeconds`').optional().describe('Seconds without a response that count as a failure (5 when left out)'),
    HealthyThresholdCount: int(2, 10, '`HealthyThresholdCount`').optional().describe('Consecutive successes before a target is healthy (5 when left out)'),
    UnhealthyThresholdCount: int(2, 10, '`UnhealthyThresholdCount`').optional().describe('Consecutive failures before a target is unhealthy (2 when left out)'),
    Targets: list(targetSchema, 'targets', 100).prefault([]).describe('The targets to register'),
  })
  .describe('A target group (CreateTargetGroup) and its targets (RegisterTargets)');

const listenerSchema = z
  .strictObject({
    Protocol: oneOf(['HTTP', 'HTTPS'], '`Protocol`').prefault('HTTP').describe('The client-side protocol'),
    Port: int(1, 65535, '`Port`').describe('The port clients connect to, unique per load balancer'),
    Certificates: list(z.strictObject({ CertificateArn: text('`CertificateArn`').describe('An ACM certificate ARN') }).describe('A certificate'), 'certificates', 25)
      .optional()
      .describe('The server certificate (HTTPS listeners need one)'),
    DefaultActions: list(elbActionSchema, 'actions', 5)
      .min(1, { error: 'a listener needs at least one default action' })
      .describe('What happens when no rule matches; `TargetGroupArn` takes a target group name'),
    Rules: list(listenerRuleSchema, 'rules', 100).prefault([]).describe('Rules besides the default (CreateRule); `TargetGroupArn` takes a target group name'),
  })
  .describe('A listener (CreateListener) and its rules');

const loadBalancerSchema = z
  .strictObject({
    Name: name('load balancer'),
    Scheme: oneOf(['internet-facing', 'internal'], '`Scheme`').prefault('internet-facing').describe('Reachable from the internet or only inside the VPC'),
    Subnets: list(resourceName('subnet'), 'subnets', 20).min(2, { error: 'an Application Load Balancer needs subnets in two Availability Zones' }).describe('Subnets by name, one per Availability Zone, at least two'),
    SecurityGroups: list(resourceName('security group'), 'security groups', 5).prefault([]).describe('Security groups by name'),
    Listeners: list(listenerSchema, 'listeners', 50).prefault([]).describe('Listeners, each on its own port'),
  })
  .describe('An Application Load Balancer (CreateLoadBalancer) and its listeners');

/** The load balancers and target groups a lab starts from. */
export const elbv2SetupSchema = z
  .strictObject({
    targetGroups: z.array(targetGroupSchema).prefault([]).describe('Target groups, created before the load balancers so actions may forward to them'),
    loadBalancers: z.array(loadBalancerSchema).prefault([]).describe('Application Load Balancers'),
  })
  .prefault({})
  .describe('Elastic Load Balancing v2 resources');

/** The ELBv2 part of a lab's setup. */
export type Elbv2Setup = z.output<typeof elbv2SetupSchema>;
