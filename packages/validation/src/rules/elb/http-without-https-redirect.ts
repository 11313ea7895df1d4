import type { z } from 'zod';
import type { listenerSchema } from '../../schemas/elb.ts';
import type { Rule } from '../rule.ts';

/** An HTTP listener that serves content instead of redirecting sends pages and cookies in clear text. */
export const rule: Rule<z.output<typeof listenerSchema>> = {
  id: 'elb/http-without-https-redirect',
  severity: 'security-warning',
  kinds: ['alb-listener'],
  help: 'make the HTTP listener\'s default action a `redirect` with `Protocol: HTTPS`, `Port: "443"` and `StatusCode: HTTP_301`',
  learnMore: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions',
  check: (listener) => {
    if (listener.Protocol !== 'HTTP') return [];
    const redirects = listener.DefaultActions.some((a) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS');
    return redirects ? [] : [{ path: ['DefaultActions'], message: `the HTTP listener on port ${listener.Port} serves traffic instead of redirecting to HTTPS` }];
  },
};
