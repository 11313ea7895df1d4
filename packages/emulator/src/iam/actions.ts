import {
  attachUserPolicy,
  createPolicy,
  createUser,
  deleteUser,
  deleteUserPolicy,
  detachUserPolicy,
  getUser,
  getUserPolicy,
  listAttachedUserPolicies,
  listUserPolicies,
  putUserPolicy,
} from './operations.ts';

/** The only place where IAM wire action names meet their functions (the wire layer dispatches through it). */
export const iamActions = {
  CreateUser: createUser,
  GetUser: getUser,
  DeleteUser: deleteUser,
  CreatePolicy: createPolicy,
  AttachUserPolicy: attachUserPolicy,
  DetachUserPolicy: detachUserPolicy,
  ListAttachedUserPolicies: listAttachedUserPolicies,
  PutUserPolicy: putUserPolicy,
  GetUserPolicy: getUserPolicy,
  ListUserPolicies: listUserPolicies,
  DeleteUserPolicy: deleteUserPolicy,
} as const;

/** An IAM action name the emulator implements. */
export type IamActionName = keyof typeof iamActions;
