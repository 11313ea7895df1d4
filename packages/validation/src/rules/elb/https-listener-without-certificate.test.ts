import { ruleTable } from '../rule-table.ts';

const forward = { Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1' };
ruleTable('elb/https-listener-without-certificate', 'alb-listener', {
  hit: [{ Protocol: 'HTTPS', Port: 443, DefaultActions: [forward] }],
  miss: [{ Protocol: 'HTTPS', Port: 443, Certificates: [{ CertificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/1' }], DefaultActions: [forward] }],
});
