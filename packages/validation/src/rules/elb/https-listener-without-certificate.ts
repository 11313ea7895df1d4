import type { z } from 'zod';
import type { listenerSchema } from '../../schemas/elb.ts';
import type { Rule } from '../rule.ts';

/** An HTTPS or TLS listener needs a server certificate (`CertificateNotFound` otherwise). */
export const rule: Rule<z.output<typeof listenerSchema>> = {
  id: 'elb/https-listener-without-certificate',
  severity: 'error',
  kinds: ['alb-listener'],
  help: 'add an ACM certificate ARN to `Certificates`',
  learnMore: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/https-listener-certificates.html',
  check: (listener) =>
    (listener.Protocol === 'HTTPS' || listener.Protocol === 'TLS') && !listener.Certificates?.length
      ? [{ path: ['Protocol'], message: `a ${listener.Protocol} listener needs a certificate in \`Certificates\`` }]
      : [],
};
