import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { autoScalingGroupSchema, scalingPolicySchema, scheduledActionSchema } from './auto-scaling.ts';
import { cloudwatchAlarmSchema } from './cloudwatch-alarm.ts';
import { listenerRulesSchema, listenerSchema, loadBalancerSchema, targetGroupSchema } from './elb.ts';
import { launchTemplateSchema } from './launch-template.ts';
import { naclEntriesSchema } from './network-acl.ts';
import { routeTableSchema } from './route-table.ts';
import { securityGroupsSchema } from './security-group.ts';
import { ecrLifecycleSchema, ecrRepositorySchema, s3LifecycleSchema } from './storage.ts';
import { cidrContains, parseCidr } from './cidr.ts';

const SCHEMAS = { autoScalingGroupSchema, scalingPolicySchema, scheduledActionSchema, cloudwatchAlarmSchema, listenerRulesSchema, listenerSchema, loadBalancerSchema, targetGroupSchema, launchTemplateSchema, naclEntriesSchema, routeTableSchema, securityGroupsSchema, ecrLifecycleSchema, ecrRepositorySchema, s3LifecycleSchema };

/** Every property of every object in a JSON Schema, with its path. */
function undescribed(node: unknown, path: string, out: string[]): string[] {
  if (node === null || typeof node !== 'object') return out;
  const schema = node as Record<string, unknown>;
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    if (!child.description) out.push(`${path}.${key}`);
    undescribed(child, `${path}.${key}`, out);
  }
  for (const key of ['items', 'additionalProperties']) undescribed(schema[key], `${path}[]`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf']) (schema[key] as unknown[] | undefined)?.forEach((c) => undescribed(c, path, out));
  return out;
}

describe('artifact schemas', () => {
  it.each(Object.entries(SCHEMAS))('%s describes every field in its JSON Schema', (_name, schema) => {
    expect(undescribed(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), '', [])).toEqual([]);
  });
});

describe('CIDR helpers', () => {
  it.each([
    ['10.0.0.0/8', '10.1.2.0/24', true],
    ['10.1.2.0/24', '10.0.0.0/8', false],
    ['0.0.0.0/0', '192.168.1.1/32', true],
    ['2001:db8::/32', '2001:db8:1::/48', true],
    ['::/0', '10.0.0.0/8', false],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    const [a, b] = [parseCidr(outer), parseCidr(inner)];
    expect(a && b && cidrContains(a, b)).toBe(expected);
  });
  it.each(['10.0.0.0', '10.0.0.256/8', '10.0.0.0/33', '1::2::3/64', '01.0.0.0/8', 'x/1'])('refuses %s', (text) => expect(parseCidr(text)).toBeUndefined());
});
