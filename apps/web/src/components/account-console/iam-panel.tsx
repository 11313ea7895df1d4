import type { AttachedPolicyView, IamView, InlinePolicyView } from '../../api/types.ts';
import { Empty, PolicyDocument } from './parts.tsx';

function Policies({ owner, inline, attached }: { owner: string; inline: InlinePolicyView[]; attached: AttachedPolicyView[] }) {
  return (
    <>
      <p>
        <strong>Attached policies:</strong> {attached.length === 0 ? 'none' : attached.map((p) => p.PolicyName).join(', ')}
      </p>
      {inline.length === 0 ? <p><strong>Inline policies:</strong> none</p> : null}
      {inline.map((policy) => (
        <div key={policy.PolicyName} class="stack-tight">
          <h5>Inline policy {policy.PolicyName}</h5>
          <PolicyDocument label={`Inline policy ${policy.PolicyName} of ${owner}`} document={policy.PolicyDocument} />
        </div>
      ))}
    </>
  );
}

/** Users, groups, roles and customer managed policies, each opened for its documents. */
export function IamPanel({ iam }: { iam: IamView }) {
  return (
    <div class="stack">
      <section class="stack-tight" aria-labelledby="iam-users">
        <h3 id="iam-users">Users</h3>
        {iam.Users.length === 0 ? <Empty>No users.</Empty> : null}
        {iam.Users.map((user) => (
          <details key={user.UserName} class="console-item" data-testid={`iam-user-${user.UserName}`}>
            <summary>
              {user.UserName} <span class="muted small">{user.UserPolicies.length + user.AttachedPolicies.length} policies</span>
            </summary>
            <div class="stack-tight">
              <p class="console-arn"><code>{user.Arn}</code></p>
              <p><strong>Groups:</strong> {user.Groups.length === 0 ? 'none' : user.Groups.join(', ')}</p>
              <p>
                <strong>Access keys:</strong>{' '}
                {user.AccessKeys.length === 0 ? 'none' : user.AccessKeys.map((key) => `${key.AccessKeyId} (${key.Status})`).join(', ')}
                {user.LoginProfile ? ' · console password set' : ''}
                {user.MFADevices.length > 0 ? ' · MFA enabled' : ''}
              </p>
              {user.PermissionsBoundary === undefined ? null : <p><strong>Permissions boundary:</strong> <code>{user.PermissionsBoundary}</code></p>}
              <Policies owner={`user ${user.UserName}`} inline={user.UserPolicies} attached={user.AttachedPolicies} />
            </div>
          </details>
        ))}
      </section>
      <section class="stack-tight" aria-labelledby="iam-groups">
        <h3 id="iam-groups">Groups</h3>
        {iam.Groups.length === 0 ? <Empty>No groups.</Empty> : null}
        {iam.Groups.map((group) => (
          <details key={group.GroupName} class="console-item">
            <summary>{group.GroupName} <span class="muted small">{group.Users.length} members</span></summary>
            <div class="stack-tight">
              <p><strong>Members:</strong> {group.Users.length === 0 ? 'none' : group.Users.join(', ')}</p>
              <Policies owner={`group ${group.GroupName}`} inline={group.GroupPolicies} attached={group.AttachedPolicies} />
            </div>
          </details>
        ))}
      </section>
      <section class="stack-tight" aria-labelledby="iam-roles">
        <h3 id="iam-roles">Roles</h3>
        {iam.Roles.length === 0 ? <Empty>No roles.</Empty> : null}
        {iam.Roles.map((role) => (
          <details key={role.RoleName} class="console-item">
            <summary>{role.RoleName}</summary>
            <div class="stack-tight">
              <p class="console-arn"><code>{role.Arn}</code></p>
              {role.Description === undefined ? null : <p>{role.Description}</p>}
              <p><strong>Instance profiles:</strong> {role.InstanceProfiles.length === 0 ? 'none' : role.InstanceProfiles.join(', ')} · <strong>Max session:</strong> {role.MaxSessionDuration} s</p>
              <h5>Trust policy</h5>
              <PolicyDocument label={`Trust policy of role ${role.RoleName}`} document={role.AssumeRolePolicyDocument} />
              <Policies owner={`role ${role.RoleName}`} inline={role.RolePolicies} attached={role.AttachedPolicies} />
            </div>
          </details>
        ))}
      </section>
      <section class="stack-tight" aria-labelledby="iam-policies">
        <h3 id="iam-policies">Customer managed policies</h3>
        {iam.Policies.length === 0 ? <Empty>No customer managed policies.</Empty> : null}
        {iam.Policies.map((policy) => (
          <details key={policy.Arn} class="console-item">
            <summary>{policy.PolicyName} <span class="muted small">{policy.AttachmentCount} attachments · {policy.DefaultVersionId}</span></summary>
            <PolicyDocument label={`Policy ${policy.PolicyName}`} document={policy.Document} />
          </details>
        ))}
      </section>
    </div>
  );
}
