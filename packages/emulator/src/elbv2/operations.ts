// ELBv2 operations, one function per AWS action, split per resource (DESIGN §2).
export * from './operations/load-balancers.ts';
export * from './operations/target-groups.ts';
export * from './operations/listeners.ts';
