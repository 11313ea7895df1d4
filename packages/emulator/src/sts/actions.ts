import { assumeRole, getCallerIdentity, getFederationToken, getSessionToken } from './operations.ts';

/** The only place where STS wire action names meet their functions (the wire layer dispatches through it). */
export const stsActions = {
  GetCallerIdentity: getCallerIdentity,
  AssumeRole: assumeRole,
  GetSessionToken: getSessionToken,
  GetFederationToken: getFederationToken,
} as const;

/** An STS action name the emulator implements. */
export type StsActionName = keyof typeof stsActions;
