import { useState } from 'preact/hooks';
import type { SecurityGroupView, SubnetView, VpcView } from '../../api/types.ts';
import { ConsoleTable, Empty, nameAndId } from './parts.tsx';

/** What the details pane shows: a security group's rules, a route table's routes or a network ACL's entries. */
type Selection = { kind: 'security-group' | 'route-table' | 'network-acl'; id: string };

interface SelectProps {
  selection: Selection | undefined;
  onSelect: (selection: Selection) => void;
  detailsId: string;
}

function SelectButton({ kind, id, label, selection, onSelect, detailsId, className = '' }: SelectProps & Selection & { label: string; className?: string }) {
  const pressed = selection?.kind === kind && selection.id === id;
  return (
    <button type="button" class={`vpc-chip ${className}`} aria-pressed={pressed} aria-controls={detailsId} onClick={() => onSelect({ kind, id })}>
      {label}
    </button>
  );
}

function Subnet({ subnet, vpc, ...select }: { subnet: SubnetView; vpc: VpcView } & SelectProps) {
  const table = vpc.RouteTables.find((t) => t.RouteTableId === subnet.RouteTableId);
  const groups = (ids: string[]) => ids.map((id) => vpc.SecurityGroups.find((g) => g.GroupId === id)).filter((g): g is SecurityGroupView => g !== undefined);
  return (
    <li class={`vpc-subnet ${subnet.Public ? 'vpc-subnet-public' : 'vpc-subnet-private'}`} data-testid={`subnet-${subnet.Name ?? subnet.SubnetId}`}>
      <h5 class="vpc-subnet-name">{nameAndId(subnet.Name, subnet.SubnetId)}</h5>
      <p class="small">
        <code>{subnet.CidrBlock}</code> · <span class="badge" data-testid="subnet-reach">{subnet.Public ? 'public' : 'private'}</span>
      </p>
      <p class="small vpc-subnet-links">
        {table === undefined ? null : <SelectButton {...select} kind="route-table" id={table.RouteTableId} label={`Routes: ${table.Name ?? table.RouteTableId}${table.Main ? ' (main)' : ''}`} />}
        {subnet.NetworkAclId === undefined ? null : <SelectButton {...select} kind="network-acl" id={subnet.NetworkAclId} label={`ACL: ${vpc.NetworkAcls.find((a) => a.NetworkAclId === subnet.NetworkAclId)?.Name ?? subnet.NetworkAclId}`} />}
      </p>
      {subnet.NatGatewayIds.map((id) => (
        <p key={id} class="vpc-node vpc-nat small">NAT gateway {nameAndId(vpc.NatGateways.find((n) => n.NatGatewayId === id)?.Name, id)}</p>
      ))}
      {subnet.Instances.length === 0 ? null : (
        <ul class="vpc-instances" aria-label={`Instances in ${subnet.Name ?? subnet.SubnetId}`}>
          {subnet.Instances.map((instance) => (
            <li key={instance.InstanceId} class="vpc-node vpc-instance small">
              <span>
                {nameAndId(instance.Name, instance.InstanceId)} · {instance.State}
                {instance.PrivateIpAddress === undefined ? '' : ` · ${instance.PrivateIpAddress}`}
                {instance.PublicIpAddress === undefined ? '' : ` · ${instance.PublicIpAddress}`}
              </span>
              {groups(instance.SecurityGroupIds).map((group) => (
                <SelectButton key={group.GroupId} {...select} kind="security-group" id={group.GroupId} label={`SG ${group.GroupName}`} />
              ))}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Details({ vpc, selection, id }: { vpc: VpcView; selection: Selection | undefined; id: string }) {
  const group = selection?.kind === 'security-group' ? vpc.SecurityGroups.find((g) => g.GroupId === selection.id) : undefined;
  const table = selection?.kind === 'route-table' ? vpc.RouteTables.find((t) => t.RouteTableId === selection.id) : undefined;
  const acl = selection?.kind === 'network-acl' ? vpc.NetworkAcls.find((a) => a.NetworkAclId === selection.id) : undefined;
  const sgRows = (rules: SecurityGroupView['Inbound']) => rules.map((r) => [r.Protocol, r.PortRange, r.PeerName === undefined ? r.Peer : `${r.PeerName} (${r.Peer})`, r.Description ?? '']);
  const aclRows = (entries: NonNullable<typeof acl>['Inbound']) => entries.map((e) => [e.RuleNumber, e.Protocol, e.PortRange, e.Cidr, e.RuleAction]);
  return (
    <section id={id} class="vpc-details stack-tight" aria-live="polite" aria-label="Selected resource">
      {selection === undefined ? <p class="muted small">Choose a route table, network ACL or security group to see its rules.</p> : null}
      {group === undefined ? null : (
        <>
          <h4>Security group {nameAndId(group.GroupName, group.GroupId)}</h4>
          <p class="small muted">{group.Description}</p>
          <h5>Inbound rules</h5>
          <ConsoleTable label={`Inbound rules of ${group.GroupName}`} head={['Protocol', 'Ports', 'Source', 'Description']} rows={sgRows(group.Inbound)} />
          <h5>Outbound rules</h5>
          <ConsoleTable label={`Outbound rules of ${group.GroupName}`} head={['Protocol', 'Ports', 'Destination', 'Description']} rows={sgRows(group.Outbound)} />
        </>
      )}
      {table === undefined ? null : (
        <>
          <h4>Route table {nameAndId(table.Name, table.RouteTableId)}{table.Main ? ' (main)' : ''}</h4>
          <ConsoleTable label={`Routes of ${table.Name ?? table.RouteTableId}`} head={['Destination', 'Target', 'State']} rows={table.Routes.map((r) => [r.Destination, r.Target, r.State])} />
        </>
      )}
      {acl === undefined ? null : (
        <>
          <h4>Network ACL {nameAndId(acl.Name, acl.NetworkAclId)}{acl.IsDefault ? ' (default)' : ''}</h4>
          <h5>Inbound entries</h5>
          <ConsoleTable label={`Inbound entries of ${acl.Name ?? acl.NetworkAclId}`} head={['Rule', 'Protocol', 'Ports', 'Source', 'Action']} rows={aclRows(acl.Inbound)} />
          <h5>Outbound entries</h5>
          <ConsoleTable label={`Outbound entries of ${acl.Name ?? acl.NetworkAclId}`} head={['Rule', 'Protocol', 'Ports', 'Destination', 'Action']} rows={aclRows(acl.Outbound)} />
        </>
      )}
    </section>
  );
}

function Vpc({ vpc }: { vpc: VpcView }) {
  const [selection, setSelection] = useState<Selection | undefined>(undefined);
  const detailsId = `vpc-details-${vpc.VpcId}`;
  const select = { selection, onSelect: setSelection, detailsId };
  const headingId = `vpc-${vpc.VpcId}`;
  return (
    <section class="vpc stack-tight" aria-labelledby={headingId}>
      <h3 id={headingId}>
        VPC {nameAndId(vpc.Name, vpc.VpcId)} <code class="small">{vpc.CidrBlock}</code>
      </h3>
      <figure class="vpc-diagram" aria-label={`Diagram of ${vpc.Name ?? vpc.VpcId}`}>
        <p class="vpc-gateways small">
          {vpc.InternetGateways.length === 0 ? <span class="muted">No internet gateway</span> : vpc.InternetGateways.map((g) => <span key={g.InternetGatewayId} class="vpc-node vpc-igw">Internet gateway {nameAndId(g.Name, g.InternetGatewayId)}</span>)}
        </p>
        <div class="vpc-zones">
          {vpc.Zones.map((zone) => (
            <section key={zone.AvailabilityZone} class="vpc-zone" aria-label={`Availability Zone ${zone.AvailabilityZone}`}>
              <h4 class="vpc-zone-name">{zone.AvailabilityZone}</h4>
              <ul class="vpc-subnets">
                {zone.Subnets.map((subnet) => (
                  <Subnet key={subnet.SubnetId} subnet={subnet} vpc={vpc} {...select} />
                ))}
              </ul>
            </section>
          ))}
        </div>
        {vpc.Zones.length === 0 ? <Empty>No subnets.</Empty> : null}
      </figure>
      <p class="vpc-groups small">
        <span>Security groups:</span>{' '}
        {vpc.SecurityGroups.map((group) => (
          <SelectButton key={group.GroupId} {...select} kind="security-group" id={group.GroupId} label={group.GroupName} />
        ))}
      </p>
      <Details vpc={vpc} selection={selection} id={detailsId} />
    </section>
  );
}

/** Each VPC as a diagram: subnets in their Availability Zone, gateways, instances; rules on request. */
export function VpcPanel({ vpcs }: { vpcs: VpcView[] }) {
  if (vpcs.length === 0) return <Empty>No VPCs in this account.</Empty>;
  return (
    <>
      {vpcs.map((vpc) => (
        <Vpc key={vpc.VpcId} vpc={vpc} />
      ))}
    </>
  );
}
