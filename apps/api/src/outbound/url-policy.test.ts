import { describe, expect, it } from 'vitest';
import { outboundUrlProblem } from './url-policy.ts';

describe('outboundUrlProblem', () => {
  it.each([
    ['https://lms.example.edu/api/lti/token', undefined],
    ['https://hooks.example.com:8443/skylab', undefined],
    ['http://hooks.example.com/skylab', 'must use https'],
    ['ftp://hooks.example.com/', 'must use https'],
    ['https://user:secret@hooks.example.com/', 'must not carry a user name or password'],
    ['https://127.0.0.1/', 'points at a loopback address (`127.0.0.1`)'],
    ['https://2130706433/', 'points at a loopback address (`127.0.0.1`)'],
    ['https://0x7f.1/', 'points at a loopback address (`127.0.0.1`)'],
    ['https://169.254.169.254/latest/meta-data/', 'points at a link-local address (`169.254.169.254`)'],
    ['https://10.1.2.3/', 'points at a private address (`10.1.2.3`)'],
    ['https://100.100.100.200/', 'points at a shared address space address (`100.100.100.200`)'],
    ['https://[::1]/', 'points at a loopback address (`[::1]`)'],
    ['https://[::ffff:169.254.169.254]/', 'points at an ipv4-mapped address (`[::ffff:a9fe:a9fe]`)'],
    ['https://[fd00:ec2::254]/', 'points at a unique-local address (`[fd00:ec2::254]`)'],
    ['https://localhost:8443/', 'names an internal host (`localhost`)'],
    ['https://admin.localhost/', 'names an internal host (`admin.localhost`)'],
    ['https://metadata.google.internal/', 'names an internal host (`metadata.google.internal`)'],
    ['not a url', 'is not a URL'],
  ])('%s: %s', (url, problem) => {
    expect(outboundUrlProblem(url, false)).toBe(problem);
  });

  it.each([
    ['http://127.0.0.1:9000/hooks', undefined],
    ['http://localhost/lti/jwks', undefined],
    ['https://10.1.2.3/', undefined],
    ['http://user:pw@127.0.0.1/', 'must not carry a user name or password'],
    ['file:///etc/passwd', 'must use https'],
  ])('with internal URLs allowed, %s: %s', (url, problem) => {
    expect(outboundUrlProblem(url, true)).toBe(problem);
  });
});
