import type { ContextValue } from '@skylab/emulator';

/** A lab's context values (YAML may give numbers and booleans) as the evaluator's strings and string lists. */
export function contextOf(context: Record<string, string | number | boolean | string[]>): Record<string, ContextValue> {
  return Object.fromEntries(Object.entries(context).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));
}
