import type { Ctx } from '../../ctx.ts';

// ARNs and ids in the forms ELBv2 issues
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_elasticloadbalancingv2.html#list_elasticloadbalancingv2-resources-for-iam-policies).

/** A 16-digit lower-case hex id from the injected id source. */
export function hexId(ctx: Ctx): string {
  return ctx.ids.next('x-').slice(2).padStart(16, '0').slice(-16);
}

/** The `arn:aws:elasticloadbalancing:<region>:<account>:` prefix. */
export function arnPrefix(ctx: Ctx): string {
  return `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.accountId}:`;
}

/** Load balancer and target group names: 1 to 32 letters, digits and hyphens, not starting or ending with a hyphen. */
export function namePattern(name: string): boolean {
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/.test(name);
}

/** The rule-walk position of the listener's default rule: its ARN is the listener's with `listener-rule`. */
export function defaultRuleArn(listenerArn: string): string {
  return listenerArn.replace(':listener/', ':listener-rule/') + '/default';
}

export const q = (s: string | number) => `\`${s}\``;
