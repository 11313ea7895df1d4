import { offsetMinutes, type LabCheck } from '@skylab/validation';
import { loadSeries, runStart, type GroupRun, type LoadPoint } from './asg-simulation.ts';

// The universe `equivalent-scaling` compares groups over: a few load profiles, each chosen because it
// exposes a setting (DESIGN §3, grading integrity). No load shows `MinSize` (even where the low level keeps
// the group above it), steady low traffic scale-in, steady peak traffic the target or thresholds, three
// times the peak `MaxSize`; a ramp, a spike and a step how fast and how far policies react (warm-up,
// cooldowns, evaluation periods); a fresh start the health check grace period against the boot time; an
// application crashing on one instance and a release that never answers the health check type; business
// hours over a week the scheduled actions (time zone, days of the week); the lab's own scenarios what the
// author cared about. A day at one-minute steps is ~10 ms and the universe about two and a half days (plus a
// week with business hours): tens of milliseconds per side.

type EquivalentScaling = NonNullable<LabCheck['equivalent-scaling']>;
type Scenario = NonNullable<LabCheck['asg-scenario']>;

/** One profile of the universe. */
export interface LoadProfile extends GroupRun {
  name: string;
  /** What the profile is, in words. */
  description: string;
  /** Compare only whether instances are replaced: when every instance is broken, when each is replaced is noise. */
  healthOnly?: boolean;
}

const DAY = 1440;
const level = (at: string, requestsPerSecond: number, rampMinutes = 0): LoadPoint => ({ at, requestsPerSecond, rampMinutes });

/** A week of weekday business hours from `start` (a Monday midnight): peak from `from` to `to`, low otherwise, quiet weekends. */
function businessWeek(spec: EquivalentScaling, from: string, to: string): LoadPoint[] {
  const [open, close] = [offsetMinutes(from), offsetMinutes(to)];
  const hhmm = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
  return [0, 1, 2, 3, 4].flatMap((day) => [level(`${day} ${hhmm(open)}`, spec.peakRequestsPerSecond, 30), level(`${day} ${hhmm(close)}`, spec.lowRequestsPerSecond, 30)]);
}

/** The profiles for a check, plus the loads of the lab's `asg-scenario` checks of the same task. */
export function scalingUniverse(spec: EquivalentScaling, scenarios: readonly Scenario[]): LoadProfile[] {
  const start = runStart(spec.start, spec.timeZone);
  const { lowRequestsPerSecond: low, peakRequestsPerSecond: peak } = spec;
  const day = (name: string, description: string, points: LoadPoint[], initial: GroupRun['initial'] = 'in-service', minutes = DAY): LoadProfile => ({
    name,
    description,
    start,
    minutes,
    initial,
    load: loadSeries(points, minutes),
  });
  // A steady load settles within an hour or two (target tracking scales in on 15 one-minute periods, simple
  // policies wait out their cooldowns), so six hours show where it settles; only the ramp needs the whole day.
  const profiles = [
    day('idle', 'no requests for six hours (the group at rest)', [level('00:00', 0)], 'in-service', 360),
    day('steady-low', `${low} requests per second for six hours`, [level('00:00', low)], 'in-service', 360),
    day('steady-peak', `${peak} requests per second for six hours`, [level('00:00', peak)], 'in-service', 360),
    day('overload', `${peak * 3} requests per second (three times the peak) for six hours`, [level('00:00', peak * 3)], 'in-service', 360),
    day('ramp', `a ramp from ${low} to ${peak} requests per second by 12:00, and back down by midnight`, [level('00:00', low), level('00:01', peak, 719), level('12:00', low, 720)]),
    day('spike', `${low} requests per second with a 20-minute spike to ${peak} at 01:00, for four hours`, [level('00:00', low), level('01:00', peak), level('01:20', low)], 'in-service', 240),
    day('step', `${low} requests per second, then ${peak} from 01:00 on, for six hours`, [level('00:00', low), level('01:00', peak)], 'in-service', 360),
    day('fresh-start', `a group just created, its instances booting, under ${peak} requests per second for three hours`, [level('00:00', peak)], 'launching', 180),
    // An application that crashes on one instance: ELB health checks replace it, EC2 health checks keep it.
    { ...day('instance-crash', `${low} requests per second, and the application of one instance crashing at 02:00`, [level('00:00', low)], 'in-service', 360), crashMinute: 120 },
    // A broken release: the application never answers. ELB health checks replace such instances after the
    // grace period, EC2 health checks never notice (the instances are running), which tells the two apart.
    { ...day('hung-application', `a group just created from a release whose application never answers, under ${low} requests per second for two hours`, [level('00:00', low)], 'launching', 120), bootSeconds: 7 * 86_400, healthOnly: true },
  ];
  if (spec.businessHours) {
    const { from, to } = spec.businessHours;
    profiles.push(day('business-week', `a week: ${peak} requests per second from ${from} to ${to} on weekdays, ${low} otherwise`, [level('00:00', low), ...businessWeek(spec, from, to)], 'in-service', 7 * DAY));
  }
  scenarios.forEach((s, i) => {
    const minutes = s.hours * 60;
    profiles.push({ name: `scenario-${i + 1}`, description: `the load of the lab's scenario ${i + 1}`, start: runStart(s.start, s.timeZone), minutes, initial: s.initial, load: loadSeries(s.load, minutes) });
  });
  return profiles;
}
