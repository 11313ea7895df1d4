import { expect } from 'vitest';

// ELBv2 with the AWS CLI (Query protocol): a target group, a load balancer in the lab's two public subnets, a
// listener forwarding to the group, and an unmodelled operation. The shape is `CliSession` of `./session.ts`.
interface Context {
  vars: Record<string, string>;
}
const saved = ({ vars }: Context, name: string): string => {
  const value = vars[name];
  if (value === undefined) throw new Error(`no earlier step saved \`${name}\``);
  return value;
};

export const session = {
  lab: 'asg-two-az-elb-health-checks',
  steps: [
    {
      name: "finds the lab's load balancer, its VPC and subnets",
      args: ['elbv2', 'describe-load-balancers'],
      expect: (json: unknown, { vars }: Context) => {
        const [lb] = (json as { LoadBalancers: { VpcId: string; AvailabilityZones: { SubnetId: string }[] }[] }).LoadBalancers;
        expect(lb?.AvailabilityZones).toHaveLength(2);
        Object.assign(vars, { vpc: lb!.VpcId, subnets: lb!.AvailabilityZones.map((z) => z.SubnetId).join(' ') });
      },
    },
    {
      name: 'creates a target group',
      args: (context: Context) => ['elbv2', 'create-target-group', '--name', 'api-tg', '--protocol', 'HTTP', '--port', '8080', '--vpc-id', saved(context, 'vpc'), '--health-check-path', '/health'],
      expect: (json: unknown, { vars }: Context) => {
        const [group] = (json as { TargetGroups: { TargetGroupArn: string }[] }).TargetGroups;
        expect(group).toMatchObject({ TargetGroupName: 'api-tg', Port: 8080, HealthCheckPath: '/health' });
        vars.group = group!.TargetGroupArn;
      },
    },
    {
      name: 'creates a load balancer in both subnets',
      args: (context: Context) => ['elbv2', 'create-load-balancer', '--name', 'api-alb', '--subnets', ...saved(context, 'subnets').split(' ')],
      expect: (json: unknown, { vars }: Context) => {
        const [lb] = (json as { LoadBalancers: { LoadBalancerArn: string }[] }).LoadBalancers;
        expect(lb).toMatchObject({ LoadBalancerName: 'api-alb', State: { Code: 'active' } });
        vars.lb = lb!.LoadBalancerArn;
      },
    },
    {
      name: 'adds a listener forwarding to the group',
      args: (context: Context) => ['elbv2', 'create-listener', '--load-balancer-arn', saved(context, 'lb'), '--protocol', 'HTTP', '--port', '80', '--default-actions', `Type=forward,TargetGroupArn=${saved(context, 'group')}`],
      expect: (json: unknown) => expect(json).toMatchObject({ Listeners: [{ Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward' }] }] }),
    },
    {
      name: 'sees the group in use by the load balancer',
      args: (context: Context) => ['elbv2', 'describe-target-groups', '--load-balancer-arn', saved(context, 'lb')],
      expect: (json: unknown, context: Context) => expect(json).toMatchObject({ TargetGroups: [{ TargetGroupName: 'api-tg', LoadBalancerArns: [saved(context, 'lb')] }] }),
    },
    { name: 'cannot create a second group of the same name', args: (context: Context) => ['elbv2', 'create-target-group', '--name', 'api-tg', '--protocol', 'HTTP', '--port', '80', '--vpc-id', saved(context, 'vpc')], error: 'DuplicateTargetGroupName' },
    { name: 'is refused an operation the emulator does not model', args: (context: Context) => ['elbv2', 'add-tags', '--resource-arns', saved(context, 'lb'), '--tags', 'Key=team,Value=web'], error: 'NotImplemented' },
  ],
};
