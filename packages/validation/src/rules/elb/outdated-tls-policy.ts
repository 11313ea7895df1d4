import type { z } from 'zod';
import type { listenerSchema } from '../../schemas/elb.ts';
import type { Rule } from '../rule.ts';

// Policies that still negotiate TLS 1.0 or 1.1: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
const OUTDATED = /^(ELBSecurityPolicy-(2015-05|2016-08|TLS-1-0-2015-04|TLS-1-1-2017-01|FS-2018-06|FS-1-1-2019-08)|ELBSecurityPolicy-TLS13-1-(0|1)-2021-06)$/;

/** A TLS policy that still accepts TLS 1.0 or 1.1. */
export const rule: Rule<z.output<typeof listenerSchema>> = {
  id: 'elb/outdated-tls-policy',
  severity: 'warning',
  kinds: ['alb-listener'],
  help: 'use `ELBSecurityPolicy-TLS13-1-2-2021-06` (TLS 1.2 and 1.3)',
  learnMore: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
  check: (listener) =>
    listener.SslPolicy && OUTDATED.test(listener.SslPolicy) ? [{ path: ['SslPolicy'], message: `\`${listener.SslPolicy}\` still accepts TLS 1.0 or 1.1` }] : [],
};
