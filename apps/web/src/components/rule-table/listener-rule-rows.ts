import type { PathSegment } from '@skylab/validation';
import { assign, cellOf, isRecord, kept, numberCell, type ReadRows, type Row, type RowSpec } from './rule-rows.ts';

// One row per listener rule (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html):
// its priority, its conditions in a short notation (`path-pattern: /api/*, /v1/*; host-header: api.example.com`)
// and its actions (`forward api-tg`, `redirect HTTP_301 HTTPS:443`, `fixed-response 404`). Conditions or
// actions the learner did not touch are written back exactly as they were, in whatever form they used.

const CONFIG: Record<string, string> = {
  'host-header': 'HostHeaderConfig',
  'path-pattern': 'PathPatternConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'source-ip': 'SourceIpConfig',
  'http-header': 'HttpHeaderConfig',
  'query-string': 'QueryStringConfig',
};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(cellOf) : []);

function conditionText(condition: unknown): string {
  if (!isRecord(condition)) return cellOf(condition);
  const field = cellOf(condition.Field);
  const config = isRecord(condition[CONFIG[field] ?? '']) ? (condition[CONFIG[field] ?? ''] as Record<string, unknown>) : {};
  if (field === 'query-string') {
    const pairs = Array.isArray(config.Values) ? config.Values.filter(isRecord).map((p) => (p.Key === undefined ? cellOf(p.Value) : `${cellOf(p.Key)}=${cellOf(p.Value)}`)) : [];
    return `${field}: ${pairs.join(', ')}`;
  }
  const values = strings(config.Values ?? condition.Values).join(', ');
  return field === 'http-header' ? `${field} ${cellOf(config.HttpHeaderName)}: ${values}` : `${field}: ${values}`;
}

function actionText(action: unknown): string {
  if (!isRecord(action)) return cellOf(action);
  const type = cellOf(action.Type);
  if (type === 'forward') {
    const weighted = isRecord(action.ForwardConfig) && Array.isArray(action.ForwardConfig.TargetGroups) ? action.ForwardConfig.TargetGroups.filter(isRecord) : [];
    return action.TargetGroupArn === undefined && weighted.length > 0 ? `forward ${weighted.map((g) => `${cellOf(g.TargetGroupArn)}=${cellOf(g.Weight)}`).join(', ')}` : `forward ${cellOf(action.TargetGroupArn)}`;
  }
  if (type === 'redirect' && isRecord(action.RedirectConfig)) {
    const r = action.RedirectConfig;
    const where = r.Protocol === undefined && r.Port === undefined ? '' : ` ${cellOf(r.Protocol ?? '#{protocol}')}:${cellOf(r.Port ?? '#{port}')}`;
    return `redirect ${cellOf(r.StatusCode)}${where}`;
  }
  if (type === 'fixed-response' && isRecord(action.FixedResponseConfig)) return `fixed-response ${cellOf(action.FixedResponseConfig.StatusCode)}`;
  return type;
}

const listText = (list: unknown, text: (item: unknown) => string) => (Array.isArray(list) ? list.map(text).join('; ') : cellOf(list));

function parts(cell: string): string[] {
  return cell.split(';').map((p) => p.trim()).filter((p) => p !== '');
}

const splitValues = (text: string) => text.split(',').map((v) => v.trim()).filter((v) => v !== '');

function parseCondition(text: string): Record<string, unknown> {
  const colon = text.indexOf(':');
  const head = (colon < 0 ? text : text.slice(0, colon)).trim();
  const values = colon < 0 ? [] : splitValues(text.slice(colon + 1));
  const [field = '', header] = head.split(/\s+/, 2);
  const config = CONFIG[field];
  if (config === undefined) return { Field: field, Values: values };
  if (field === 'query-string') {
    const pairs = values.map((v) => (v.includes('=') ? { Key: v.slice(0, v.indexOf('=')), Value: v.slice(v.indexOf('=') + 1) } : { Value: v }));
    return { Field: field, [config]: { Values: pairs } };
  }
  return { Field: field, [config]: field === 'http-header' ? { HttpHeaderName: header ?? '', Values: values } : { Values: values } };
}

function parseAction(text: string): Record<string, unknown> {
  const [type = '', ...rest] = text.split(/\s+/);
  const argument = rest.join(' ');
  if (type === 'forward' && argument.includes('=')) {
    const groups = splitValues(argument).map((g) => ({ TargetGroupArn: g.slice(0, g.lastIndexOf('=')), Weight: numberCell(g.slice(g.lastIndexOf('=') + 1)) }));
    return { Type: type, ForwardConfig: { TargetGroups: groups } };
  }
  if (type === 'forward') return { Type: type, TargetGroupArn: argument };
  if (type === 'redirect') {
    const [status = '', where] = rest;
    const [protocol, port] = where === undefined ? [] : [where.slice(0, where.lastIndexOf(':')), where.slice(where.lastIndexOf(':') + 1)];
    return { Type: type, RedirectConfig: assign({}, [['Protocol', protocol], ['Port', port], ['StatusCode', status]]) };
  }
  if (type === 'fixed-response') return { Type: type, FixedResponseConfig: { StatusCode: argument } };
  return { Type: type };
}

function read(value: unknown): ReadRows | { problem: string } {
  if (!isRecord(value) || !Array.isArray(value.Rules)) return { problem: 'the table edits listener rules as `Rules:`; edit this shape as text' };
  const rows: Row[] = [];
  for (const [i, rule] of value.Rules.entries()) {
    if (!isRecord(rule)) return { problem: `rule ${i + 1} is not an object` };
    const path: PathSegment[] = ['Rules', i];
    rows.push({
      cells: { priority: cellOf(rule.Priority), conditions: listText(rule.Conditions, conditionText), action: listText(rule.Actions, actionText), origin: JSON.stringify(rule) },
      path,
      cellPaths: { priority: [...path, 'Priority'], conditions: [...path, 'Conditions'], action: [...path, 'Actions'] },
    });
  }
  return { rows };
}

function rule(cells: Record<string, string>): Record<string, unknown> {
  const origin = cells.origin === undefined ? undefined : (JSON.parse(cells.origin) as Record<string, unknown>);
  // Conditions and actions are compared as the table shows them: unchanged, they keep the form they were written in.
  const same = (key: string, cell: string | undefined, text: (item: unknown) => string) => origin !== undefined && key in origin && listText(origin[key], text) === (cell ?? '');
  return assign(origin, [
    ['Priority', kept(origin, 'Priority', cells.priority, (cell) => (cell === 'default' ? cell : numberCell(cell)))],
    ['Conditions', same('Conditions', cells.conditions, conditionText) ? origin?.Conditions : parts(cells.conditions ?? '').map(parseCondition)],
    ['Actions', same('Actions', cells.action, actionText) ? origin?.Actions : parts(cells.action ?? '').map(parseAction)],
  ]);
}

function write(value: unknown, rows: Record<string, string>[]): unknown {
  if (!isRecord(value)) return value;
  return assign(value, [['Rules', rows.map(rule)]]);
}

/** Listener rules: priority, conditions and actions in a short notation. */
export const listenerRuleRows: RowSpec = {
  columns: [
    { id: 'priority', label: 'Priority', input: 'text', placeholder: '1-50000 or default' },
    { id: 'conditions', label: 'Conditions', input: 'text', placeholder: 'path-pattern: /api/*; host-header: api.example.com' },
    { id: 'action', label: 'Action', input: 'text', placeholder: 'forward api-tg, redirect HTTP_301 HTTPS:443 or fixed-response 404' },
  ],
  read,
  write,
  blank: (rows) => {
    const numbers = rows.map((r) => Number(r.priority)).filter(Number.isInteger);
    return { priority: String((Math.floor(Math.max(0, ...numbers) / 10) + 1) * 10), conditions: 'path-pattern: /*', action: 'forward ' };
  },
};
