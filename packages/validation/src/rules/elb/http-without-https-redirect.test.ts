import { ruleTable } from '../rule-table.ts';

const forward = { Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1' };
const redirect = { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } };
ruleTable('elb/http-without-https-redirect', 'alb-listener', {
  hit: [{ Protocol: 'HTTP', Port: 80, DefaultActions: [forward] }],
  miss: [{ Protocol: 'HTTP', Port: 80, DefaultActions: [redirect] }, { Protocol: 'HTTPS', Port: 443, Certificates: [{ CertificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/1' }], DefaultActions: [forward] }],
});
