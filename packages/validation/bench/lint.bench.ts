// Lint speed on the inputs the issue names: a 6 KB policy (IAM's managed policy limit) and a 200-rule security group set.
import { lint } from '../src/index.ts';

// The machine is shared: the best of five batches is the figure to compare, the median shows the noise, and
// CPU time (user + system of this process) is less disturbed by other processes than wall time.
function time(label: string, runs: number, work: () => void): void {
  work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let b = 0; b < 5; b++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    for (let i = 0; i < runs / 5; i++) work();
    const used = process.cpuUsage(startCpu);
    wall.push((performance.now() - start) / (runs / 5));
    cpu.push((used.user + used.system) / 1000 / (runs / 5));
  }
  const best = (xs: number[]) => Math.min(...xs).toFixed(3);
  const median = (xs: number[]) => ([...xs].sort((a, b) => a - b)[2] ?? 0).toFixed(3);
  console.log(`${label.padEnd(48)} ${best(wall).padStart(8)} ms/op best, ${median(wall)} median; cpu ${best(cpu)} best  (${runs} runs)`);
}

const statements = [];
for (let i = 0; JSON.stringify({ Version: '2012-10-17', Statement: statements }).length < 6000; i++) {
  statements.push({
    Sid: `Read${i}`,
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:ListBucket'],
    Resource: [`arn:aws:s3:::app-bucket-${i}`, `arn:aws:s3:::app-bucket-${i}/*`],
    ...(i % 3 === 0 ? { Condition: { Bool: { 'aws:SecureTransport': 'true' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } } : {}),
  });
}
const policy = JSON.stringify({ Version: '2012-10-17', Statement: statements });

const permissions = Array.from({ length: 200 }, (_, i) => ({
  IpProtocol: i % 10 === 0 ? 'udp' : 'tcp',
  FromPort: 1000 + i * 10,
  ToPort: 1000 + i * 10 + (i % 4),
  IpRanges: [{ CidrIp: `10.${i % 256}.0.0/16`, Description: `rule ${i}` }],
}));
const groups = JSON.stringify({ GroupName: 'big', Description: 'bench', IpPermissions: permissions.slice(0, 150), IpPermissionsEgress: permissions.slice(150) }, null, 2);
const groupsYaml = `GroupDescription: bench\nSecurityGroupIngress:\n${permissions.map((p) => `  - { IpProtocol: ${p.IpProtocol}, FromPort: ${p.FromPort}, ToPort: ${p.ToPort}, CidrIp: ${p.IpRanges[0]?.CidrIp} }`).join('\n')}\n`;

console.log(`policy: ${policy.length} characters, ${statements.length} statements`);
time('lint iam-identity-policy (6 KB)', 2000, () => lint('iam-identity-policy', policy));
time('lint security-groups (200 rules, EC2 JSON)', 200, () => lint('security-groups', groups));
time('lint security-groups (200 rules, CFN YAML)', 100, () => lint('security-groups', groupsYaml));
