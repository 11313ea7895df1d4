import { ValidationError } from './errors.ts';

// Scheduled action recurrence: the five-field Unix cron format [Minute] [Hour] [Day_of_Month] [Month]
// [Day_of_Week], evaluated in the action's TimeZone (an IANA name, UTC by default)
// (https://docs.aws.amazon.com/autoscaling/ec2/userguide/scheduled-scaling-recurring-schedules.html).
// Local time comes from Intl.DateTimeFormat with `timeZone`, never from the host's zone.

/** A parsed cron expression: the allowed values of each field. */
export interface Cron {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function field(text: string, lo: number, hi: number, names: string[] | undefined, nameBase: number, label: string): Set<number> {
  const values = new Set<number>();
  const num = (s: string) => {
    const named = names?.indexOf(s.toUpperCase()) ?? -1;
    const n = named >= 0 ? named + nameBase : /^\d+$/.test(s) ? Number(s) : NaN;
    if (Number.isNaN(n) || n < lo || n > hi) throw new ValidationError(`the ${label} field \`${text}\` of the recurrence is not valid (${lo}-${hi})`);
    return n;
  };
  for (const part of text.split(',')) {
    const [rangeText = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new ValidationError(`the step in \`${part}\` of the recurrence is not valid`);
    let from: number;
    let to: number;
    if (rangeText === '*') [from, to] = [lo, hi];
    else if (rangeText.includes('-')) [from, to] = rangeText.split('-').map(num) as [number, number];
    else [from, to] = [num(rangeText), stepText === undefined ? num(rangeText) : hi];
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** Parses a five-field cron expression; throws ValidationError when it is not one. */
export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new ValidationError(`the recurrence \`${expression}\` must have five fields: minute hour day-of-month month day-of-week`);
  const [m = '', h = '', dom = '', mon = '', dow = ''] = parts;
  const weekdays = field(dow, 0, 7, DAYS, 0, 'day-of-week');
  if (weekdays.has(7)) weekdays.add(0);
  return {
    minutes: field(m, 0, 59, undefined, 0, 'minute'),
    hours: field(h, 0, 23, undefined, 0, 'hour'),
    days: field(dom, 1, 31, undefined, 0, 'day-of-month'),
    months: field(mon, 1, 12, MONTHS, 1, 'month'),
    weekdays,
    dayRestricted: dom !== '*',
    weekdayRestricted: dow !== '*',
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Checks an IANA time zone name. */
export function validateTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ValidationError(`the time zone \`${timeZone}\` is not an IANA time zone name`);
  }
}

/** The offset of a time zone from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffset(timeZone: string, at: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year as number, (parts.month as number) - 1, parts.day, parts.hour, parts.minute, parts.second);
  return local - Math.floor(at / 1000) * 1000;
}

/**
 * Answers whether a cron fires at a minute. The time zone offset is cached per hour (offsets change on the
 * hour at most), and asked once for a whole UTC day when the day ends with the offset it started with: zones
 * change their offset at most twice a year, never twice in a day.
 */
export function cronMatcher(cron: Cron, timeZone = 'UTC'): (at: number) => boolean {
  const cache = new Map<number, number>();
  const steadyDays = new Map<number, number | undefined>();
  return (at) => {
    const hour = Math.floor(at / 3_600_000);
    let offset = cache.get(hour);
    if (offset === undefined) {
      const day = Math.floor(at / 86_400_000);
      if (!steadyDays.has(day)) {
        const first = zoneOffset(timeZone, day * 86_400_000);
        steadyDays.set(day, first === zoneOffset(timeZone, (day + 1) * 86_400_000) ? first : undefined);
      }
      offset = steadyDays.get(day) ?? zoneOffset(timeZone, at);
      cache.set(hour, offset);
    }
    // Most minutes fail on the minute field alone, which needs no calendar.
    if (!cron.minutes.has((((Math.floor((at + offset) / 60_000)) % 60) + 60) % 60)) return false;
    const d = new Date(at + offset);
    if (!cron.hours.has(d.getUTCHours()) || !cron.months.has(d.getUTCMonth() + 1)) return false;
    // Unix cron: when both day fields are restricted, either one matching is enough.
    const dayOk = cron.days.has(d.getUTCDate());
    const weekdayOk = cron.weekdays.has(d.getUTCDay());
    if (cron.dayRestricted && cron.weekdayRestricted) return dayOk || weekdayOk;
    return dayOk && weekdayOk;
  };
}
