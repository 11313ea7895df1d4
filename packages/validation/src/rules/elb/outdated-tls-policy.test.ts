import { ruleTable } from '../rule-table.ts';

const listener = (SslPolicy: string) => ({ Protocol: 'HTTPS', Port: 443, SslPolicy, Certificates: [{ CertificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/1' }], DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }] });
ruleTable('elb/outdated-tls-policy', 'alb-listener', { hit: [listener('ELBSecurityPolicy-2016-08'), listener('ELBSecurityPolicy-TLS-1-1-2017-01')], miss: [listener('ELBSecurityPolicy-TLS13-1-2-2021-06')] });
