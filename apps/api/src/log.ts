import type { Log, LogFields } from './deps.ts';

type Level = 'info' | 'warn' | 'error';

/**
 * JSON lines on stderr: stdout stays free for the one line the server prints, and log collectors
 * (Workers Logs, journald) parse JSON.
 */
export function createJsonLog(write: (line: string) => void = (line) => console.error(line), clock: () => number = Date.now): Log {
  const emit = (level: Level) => (message: string, fields?: LogFields) =>
    write(JSON.stringify({ time: new Date(clock()).toISOString(), level, message, ...fields }));
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}
