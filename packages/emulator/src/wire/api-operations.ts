// The operations of the real APIs, so the wire layer can tell an action AWS has but the emulator does not
// model (refused with `NotImplemented`) from a name AWS does not know (`InvalidAction`). Taken from the
// API references: https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html and
// https://docs.aws.amazon.com/STS/latest/APIReference/API_Operations.html (as of November 2026).

/** Every operation of the IAM API (version 2010-05-08). */
export const IAM_API_OPERATIONS: readonly string[] = [
  'AcceptDelegationRequest', 'AcquireRole', 'AddClientIDToOpenIDConnectProvider', 'AddRoleToInstanceProfile',
  'AddUserToGroup', 'AssociateDelegationRequest', 'AttachGroupPolicy', 'AttachRolePolicy', 'AttachUserPolicy',
  'ChangePassword', 'CreateAccessKey', 'CreateAccountAlias', 'CreateDelegationRequest', 'CreateGroup',
  'CreateInstanceProfile', 'CreateLoginProfile', 'CreateOpenIDConnectProvider', 'CreatePolicy',
  'CreatePolicyVersion', 'CreateRole', 'CreateSAMLProvider', 'CreateServiceLinkedRole',
  'CreateServiceSpecificCredential', 'CreateUser', 'CreateVirtualMFADevice', 'DeactivateMFADevice',
  'DeleteAccessKey', 'DeleteAccountAlias', 'DeleteAccountPasswordPolicy', 'DeleteGroup', 'DeleteGroupPolicy',
  'DeleteInstanceProfile', 'DeleteLoginProfile', 'DeleteOpenIDConnectProvider', 'DeletePolicy',
  'DeletePolicyVersion', 'DeleteRole', 'DeleteRolePermissionsBoundary', 'DeleteRolePolicy', 'DeleteSAMLProvider',
  'DeleteSSHPublicKey', 'DeleteServerCertificate', 'DeleteServiceLinkedRole', 'DeleteServiceSpecificCredential',
  'DeleteSigningCertificate', 'DeleteUser', 'DeleteUserPermissionsBoundary', 'DeleteUserPolicy',
  'DeleteVirtualMFADevice', 'DetachGroupPolicy', 'DetachRolePolicy', 'DetachUserPolicy',
  'DisableOrganizationsRootCredentialsManagement', 'DisableOrganizationsRootSessions',
  'DisableOutboundWebIdentityFederation', 'EnableMFADevice', 'EnableOrganizationsRootCredentialsManagement',
  'EnableOrganizationsRootSessions', 'EnableOutboundWebIdentityFederation', 'GenerateCredentialReport',
  'GenerateOrganizationsAccessReport', 'GenerateServiceLastAccessedDetails', 'GetAccessKeyLastUsed',
  'GetAccountAuthorizationDetails', 'GetAccountPasswordPolicy', 'GetAccountProperties', 'GetAccountSummary',
  'GetContextKeysForCustomPolicy', 'GetContextKeysForPrincipalPolicy', 'GetCredentialReport', 'GetDelegationRequest',
  'GetGroup', 'GetGroupPolicy', 'GetHumanReadableSummary', 'GetInstanceProfile', 'GetLoginProfile', 'GetMFADevice',
  'GetOpenIDConnectProvider', 'GetOrganizationsAccessReport', 'GetOutboundWebIdentityFederationInfo', 'GetPolicy',
  'GetPolicyVersion', 'GetRole', 'GetRolePolicy', 'GetRoleTemplateVersion', 'GetSAMLProvider', 'GetSSHPublicKey',
  'GetServerCertificate', 'GetServiceLastAccessedDetails', 'GetServiceLastAccessedDetailsWithEntities',
  'GetServiceLinkedRoleDeletionStatus', 'GetUser', 'GetUserPolicy', 'ListAccessKeys', 'ListAccountAliases',
  'ListAttachedGroupPolicies', 'ListAttachedRolePolicies', 'ListAttachedUserPolicies', 'ListDelegationRequests',
  'ListEntitiesForPolicy', 'ListGroupPolicies', 'ListGroups', 'ListGroupsForUser', 'ListInstanceProfileTags',
  'ListInstanceProfiles', 'ListInstanceProfilesForRole', 'ListMFADeviceTags', 'ListMFADevices',
  'ListOpenIDConnectProviderTags', 'ListOpenIDConnectProviders', 'ListOrganizationsFeatures', 'ListPolicies',
  'ListPoliciesGrantingServiceAccess', 'ListPolicyTags', 'ListPolicyVersions', 'ListRolePolicies', 'ListRoleTags',
  'ListRoles', 'ListSAMLProviderTags', 'ListSAMLProviders', 'ListSSHPublicKeys', 'ListServerCertificateTags',
  'ListServerCertificates', 'ListServiceSpecificCredentials', 'ListSigningCertificates', 'ListUserPolicies',
  'ListUserTags', 'ListUsers', 'ListVirtualMFADevices', 'PutAccountProperties', 'PutGroupPolicy',
  'PutRolePermissionsBoundary', 'PutRolePolicy', 'PutUserPermissionsBoundary', 'PutUserPolicy',
  'RejectDelegationRequest', 'RemoveClientIDFromOpenIDConnectProvider', 'RemoveRoleFromInstanceProfile',
  'RemoveUserFromGroup', 'ResetServiceSpecificCredential', 'ResyncMFADevice', 'SendDelegationToken',
  'SetDefaultPolicyVersion', 'SetSecurityTokenServicePreferences', 'SimulateCustomPolicy', 'SimulatePrincipalPolicy',
  'TagInstanceProfile', 'TagMFADevice', 'TagOpenIDConnectProvider', 'TagPolicy', 'TagRole', 'TagSAMLProvider',
  'TagServerCertificate', 'TagUser', 'UntagInstanceProfile', 'UntagMFADevice', 'UntagOpenIDConnectProvider',
  'UntagPolicy', 'UntagRole', 'UntagSAMLProvider', 'UntagServerCertificate', 'UntagUser', 'UpdateAccessKey',
  'UpdateAccountPasswordPolicy', 'UpdateAssumeRolePolicy', 'UpdateDelegationRequest', 'UpdateGroup',
  'UpdateLoginProfile', 'UpdateOpenIDConnectProviderThumbprint', 'UpdateRole', 'UpdateRoleDescription',
  'UpdateSAMLProvider', 'UpdateSSHPublicKey', 'UpdateServerCertificate', 'UpdateServiceSpecificCredential',
  'UpdateSigningCertificate', 'UpdateUser', 'UploadSSHPublicKey', 'UploadServerCertificate',
  'UploadSigningCertificate',
];

/** Every operation of the STS API (version 2011-06-15). */
export const STS_API_OPERATIONS: readonly string[] = [
  'AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'AssumeRoot', 'DecodeAuthorizationMessage',
  'GetAccessKeyInfo', 'GetCallerIdentity', 'GetDelegatedAccessToken', 'GetFederationToken', 'GetScopedCredentials',
  'GetSessionToken', 'GetWebIdentityToken',
];
