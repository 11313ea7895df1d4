import type { Lab, PathSegment } from '@skylab/validation';

// Names the ALB tasks and checks use that the schema cannot check: the listener a task replaces the rules
// of must be one the setup creates, `alb-route` must route through an `alb-listener-rules` task, and the
// target group it expects must exist. A typo is an author finding at load time, not an errored check.

type Add = (path: PathSegment[], ruleId: string, message: string) => void;

const templated = (name: string) => name.includes('{{');

/** Findings for ALB task and check references that resolve to nothing. */
export function albReferenceFindings(lab: Lab, add: Add): void {
  const elbv2 = lab.setup.elbv2;
  lab.tasks.forEach((task, i) => {
    if (task.kind !== 'alb-listener-rules' || templated(task.listener.LoadBalancerName)) return;
    const lb = elbv2.loadBalancers.find((l) => l.Name === task.listener.LoadBalancerName);
    if (!lb) add(['tasks', i, 'listener', 'LoadBalancerName'], 'lab/unknown-resource', `the setup creates no load balancer called \`${task.listener.LoadBalancerName}\``);
    else if (!lb.Listeners.some((l) => l.Port === task.listener.Port)) add(['tasks', i, 'listener', 'Port'], 'lab/unknown-resource', `\`${lb.Name}\` has no listener on port ${task.listener.Port} in the setup`);
  });
  const groups = new Set(elbv2.targetGroups.map((g) => g.Name));
  lab.checks.forEach((check, i) => {
    const route = check['alb-route'];
    if (!route) return;
    const task = lab.tasks.find((t) => t.id === route.task);
    if (task?.kind !== 'alb-listener-rules') add(['checks', i, 'alb-route', 'task'], 'lab/wrong-task-kind', `\`alb-route\` routes through the listener of an \`alb-listener-rules\` task; \`${route.task}\` is not one`);
    const forward = route.expect.forward;
    if (forward !== undefined && !templated(forward) && !groups.has(forward)) add(['checks', i, 'alb-route', 'expect', 'forward'], 'lab/unknown-resource', `the setup creates no target group called \`${forward}\``);
  });
}
