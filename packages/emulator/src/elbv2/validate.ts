import { parseCidr } from './match.ts';
import { conditionValues } from './routing.ts';
import type { Action, Elbv2State, RuleCondition } from './state.ts';
import { InvalidConfigurationRequest, TargetGroupNotFound, TooManyRules, ValidationError } from './errors.ts';
import { getRecord } from '../records.ts';

// The documented constraints on rule conditions and actions, checked when a rule or listener is written.
// Conditions: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html
// Actions: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-action-types.html

const q = (s: string) => `\`${s}\``;

/** At most five match evaluations per rule and three per condition (Application Load Balancer quotas). */
export const RULE_LIMITS = { valuesPerRule: 5, valuesPerCondition: 3, maxPriority: 50000, targetGroupsPerForward: 5, maxWeight: 999 } as const;

// Host names: letters, digits, hyphen, dot and the wildcards, up to 128 characters, at least one dot and
// only letters after the last dot.
const HOST_CHARS = /^[A-Za-z0-9\-.*?]+$/;
// Paths: letters, digits and _ - . $ / ~ " ' @ : + & and the wildcards.
const PATH_CHARS = /^[A-Za-z0-9_\-.$/~"'@:+&*?]+$/;
const METHOD_CHARS = /^[A-Z_-]+$/;

function checkValue(field: string, value: string, max: number): void {
  if (value.length === 0 || value.length > max) throw new ValidationError(`a ${q(field)} value must be 1 to ${max} characters long, got ${q(value)}`);
}

/** Checks one rule's conditions against the documented limits; throws the AWS error on the first problem. */
export function validateConditions(conditions: RuleCondition[]): void {
  const once = new Set<string>();
  let total = 0;
  for (const condition of conditions) {
    const field = condition.Field;
    if (!['host-header', 'path-pattern', 'http-header', 'http-request-method', 'query-string', 'source-ip'].includes(field)) {
      throw new ValidationError(`the condition field ${q(String(field))} is not one of host-header, path-pattern, http-header, http-request-method, query-string, source-ip`);
    }
    // host-header, http-request-method, path-pattern and source-ip may each appear once per rule.
    if (field !== 'http-header' && field !== 'query-string') {
      if (once.has(field)) throw new ValidationError(`a rule can have at most one ${q(field)} condition`);
      once.add(field);
    }
    const values = conditionValues(condition);
    if (values.length === 0) throw new ValidationError(`the ${q(field)} condition needs at least one value`);
    if (values.length > RULE_LIMITS.valuesPerCondition) throw new TooManyRules(`a condition can have at most ${RULE_LIMITS.valuesPerCondition} values, the ${q(field)} condition has ${values.length}`);
    total += values.length;
    for (const value of values) {
      switch (field) {
        case 'host-header':
          checkValue(field, value, 128);
          if (!HOST_CHARS.test(value)) throw new ValidationError(`the host ${q(value)} may contain only letters, digits, \`-\`, \`.\`, \`*\` and \`?\``);
          if (!value.includes('.')) throw new ValidationError(`the host ${q(value)} must contain at least one \`.\``);
          if (!/\.[A-Za-z*?]+$/.test(value)) throw new ValidationError(`the host ${q(value)} may have only letters after its last \`.\``);
          break;
        case 'path-pattern':
          checkValue(field, value, 128);
          if (!PATH_CHARS.test(value)) throw new ValidationError(`the path pattern ${q(value)} contains a character path patterns do not allow`);
          break;
        case 'http-request-method':
          checkValue(field, value, 40);
          if (!METHOD_CHARS.test(value)) throw new ValidationError(`the method ${q(value)} may contain only A-Z, \`-\` and \`_\` (methods compare case-sensitively, without wildcards)`);
          break;
        case 'http-header':
          checkValue(field, value, 128);
          break;
        case 'query-string':
          checkValue(field, value, 128);
          break;
        case 'source-ip':
          if (!parseCidr(value)) throw new ValidationError(`the source address ${q(value)} is not a CIDR block`);
          break;
      }
    }
    if (field === 'http-header') {
      const name = condition.HttpHeaderConfig?.HttpHeaderName ?? '';
      if (name.length === 0 || name.length > 40 || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) throw new ValidationError(`the header name ${q(name)} must be an RFC 7230 token of 1 to 40 characters`);
      if (name.toLowerCase() === 'host') throw new ValidationError('use a `host-header` condition to match the host, not an `http-header` condition');
    }
  }
  if (total > RULE_LIMITS.valuesPerRule) throw new TooManyRules(`a rule can have at most ${RULE_LIMITS.valuesPerRule} condition values in all, this one has ${total}`);
}

/** Checks a rule's or listener's actions: known types, one terminal action last, valid targets and configs. */
export function validateActions(actions: Action[], elbv2: Elbv2State): void {
  if (actions.length === 0) throw new ValidationError('at least one action is required');
  const ordered = [...actions].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0));
  ordered.forEach((action, i) => {
    const last = i === ordered.length - 1;
    const terminal = action.Type === 'forward' || action.Type === 'redirect' || action.Type === 'fixed-response';
    if (terminal && !last) throw new InvalidConfigurationRequest(`the ${q(action.Type)} action must be the last action`);
    if (!terminal && last) throw new InvalidConfigurationRequest('the last action must be forward, redirect or fixed-response');
    switch (action.Type) {
      case 'forward': {
        const groups = action.ForwardConfig?.TargetGroups ?? (action.TargetGroupArn ? [{ TargetGroupArn: action.TargetGroupArn, Weight: 1 }] : []);
        if (groups.length === 0) throw new ValidationError('a forward action needs `TargetGroupArn` or `ForwardConfig.TargetGroups`');
        if (groups.length > RULE_LIMITS.targetGroupsPerForward) throw new TooManyRules(`a forward action can have at most ${RULE_LIMITS.targetGroupsPerForward} target groups`);
        for (const g of groups) {
          if (!getRecord(elbv2.targetGroups, g.TargetGroupArn)) throw new TargetGroupNotFound(`the target group ${q(g.TargetGroupArn)} does not exist`);
          if (g.Weight !== undefined && (!Number.isInteger(g.Weight) || g.Weight < 0 || g.Weight > RULE_LIMITS.maxWeight)) throw new ValidationError(`a target group weight must be an integer from 0 to ${RULE_LIMITS.maxWeight}, got ${g.Weight}`);
        }
        const duration = action.ForwardConfig?.TargetGroupStickinessConfig?.DurationSeconds;
        if (duration !== undefined && (duration < 1 || duration > 604800)) throw new ValidationError('target group stickiness lasts 1 to 604800 seconds');
        break;
      }
      case 'redirect': {
        const c = action.RedirectConfig;
        if (!c || (c.StatusCode !== 'HTTP_301' && c.StatusCode !== 'HTTP_302')) throw new ValidationError('a redirect action needs `RedirectConfig.StatusCode` `HTTP_301` or `HTTP_302`');
        if (c.Protocol !== undefined && !['HTTP', 'HTTPS', '#{protocol}'].includes(c.Protocol)) throw new ValidationError(`the redirect protocol ${q(c.Protocol)} must be HTTP, HTTPS or #{protocol}`);
        if (c.Port !== undefined && c.Port !== '#{port}' && !(/^\d+$/.test(c.Port) && Number(c.Port) >= 1 && Number(c.Port) <= 65535)) throw new ValidationError(`the redirect port ${q(c.Port)} must be 1 to 65535 or #{port}`);
        if (c.Path !== undefined && !c.Path.startsWith('/')) throw new ValidationError(`the redirect path ${q(c.Path)} must start with \`/\``);
        if (c.Query !== undefined && c.Query.startsWith('?')) throw new ValidationError('the redirect query must not start with `?`');
        // A redirect must change the protocol, port, host or path, or it would loop back to itself.
        const same = (v: string | undefined, placeholder: string) => v === undefined || v === placeholder;
        if (same(c.Protocol, '#{protocol}') && same(c.Port, '#{port}') && same(c.Host, '#{host}') && same(c.Path, '/#{path}')) {
          throw new InvalidConfigurationRequest('the redirect would send the request to its own URL: change at least one of protocol, port, host or path');
        }
        break;
      }
      case 'fixed-response': {
        const c = action.FixedResponseConfig;
        if (!c || !/^[245]\d\d$/.test(c.StatusCode)) throw new ValidationError('a fixed-response action needs a 2XX, 4XX or 5XX `StatusCode`');
        if (c.ContentType !== undefined && !['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json'].includes(c.ContentType)) {
          throw new ValidationError(`the content type ${q(c.ContentType)} must be text/plain, text/css, text/html, application/javascript or application/json`);
        }
        if (c.MessageBody !== undefined && c.MessageBody.length > 1024) throw new ValidationError('a fixed-response message body may have at most 1024 characters');
        break;
      }
      case 'authenticate-oidc':
      case 'authenticate-cognito':
        throw new ValidationError(`${q(action.Type)} actions are not modelled by the emulator`);
      default:
        throw new ValidationError(`the action type ${q(String(action.Type))} is not one of forward, redirect, fixed-response`);
    }
  });
}
