import { parseText } from '@skylab/validation';
import { render, type Mutant } from './mutant.ts';

// Mutants of a target group answer: the health check a little off — each threshold one apart, the interval
// doubled or halved, the timeout a second apart, the path moved to `/`, the matcher widened to every
// success and redirect (or every client error too), another port, the other protocol, health checks off.

type Settings = Record<string, unknown>;

function numberMutants(settings: Settings, key: string, values: (n: number) => number[], min: number, max: number): [string, Settings][] {
  const value = settings[key];
  if (typeof value !== 'number') return [];
  return [...new Set(values(value))].filter((v) => v !== value && v >= min && v <= max).map((v) => [`\`${key}\` ${value} → ${v}`, { ...settings, [key]: v }]);
}

/** Mutants of a target group answer (ModifyTargetGroup's health check settings). */
export function targetGroupMutants(task: string, text: string): Mutant[] {
  const doc = parseText(text).value;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const settings = doc as Settings;
  const oneApart = (n: number) => [n - 1, n + 1];
  const changes: [string, Settings][] = [
    ...numberMutants(settings, 'UnhealthyThresholdCount', oneApart, 2, 10),
    ...numberMutants(settings, 'HealthyThresholdCount', oneApart, 2, 10),
    ...numberMutants(settings, 'HealthCheckIntervalSeconds', (n) => [n * 2, Math.round(n / 2)], 5, 300),
    ...numberMutants(settings, 'HealthCheckTimeoutSeconds', oneApart, 2, 120),
  ];
  if (settings.HealthCheckPath !== '/') changes.push(['the path changed to `/`', { ...settings, HealthCheckPath: '/' }]);
  const code = (settings.Matcher as { HttpCode?: string } | undefined)?.HttpCode;
  for (const wider of ['200-399', '200-499']) if (code !== wider) changes.push([`the matcher widened to \`${wider}\``, { ...settings, Matcher: { HttpCode: wider } }]);
  const port = settings.HealthCheckPort === undefined ? 'traffic-port' : String(settings.HealthCheckPort);
  for (const other of port === 'traffic-port' ? ['80', '8081'] : ['traffic-port', String(Number(port) + 1)]) changes.push([`the port changed to \`${other}\``, { ...settings, HealthCheckPort: other }]);
  const protocol = settings.HealthCheckProtocol === 'HTTPS' ? 'HTTP' : 'HTTPS';
  changes.push([`the protocol changed to ${protocol}`, { ...settings, HealthCheckProtocol: protocol }]);
  if (settings.HealthCheckEnabled !== false) changes.push(['health checks disabled', { ...settings, HealthCheckEnabled: false }]);
  return changes.map(([description, next]) => ({ task, description, answer: render(next) }));
}
