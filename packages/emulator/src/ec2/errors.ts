import { AwsError } from '../errors.ts';

// EC2 error codes as in https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html.
// EC2 answers every client error with HTTP 400. The codes hold dots (`InvalidVpcID.NotFound`), which
// class names cannot, so each class drops the dot and keeps the code verbatim in `code`.

function ec2Error(code: string) {
  return class extends AwsError {
    constructor(message: string) {
      super(code, message, 400);
    }
  };
}

/** A parameter value is not valid (a malformed CIDR, an unknown instance type, a port out of range …). */
export class InvalidParameterValue extends ec2Error('InvalidParameterValue') {}
/** Parameters that cannot be used together, or a required one missing for the combination. */
export class InvalidParameterCombination extends ec2Error('InvalidParameterCombination') {}
/** A parameter the action does not know (a misspelt key is reported, never ignored). */
export class UnknownParameter extends ec2Error('UnknownParameter') {}
/** A required parameter is missing. */
export class MissingParameter extends ec2Error('MissingParameter') {}
/** The VPC does not exist. */
export class InvalidVpcIDNotFound extends ec2Error('InvalidVpcID.NotFound') {}
/** The VPC CIDR block is not between /16 and /28. */
export class InvalidVpcRange extends ec2Error('InvalidVpc.Range') {}
/** The subnet does not exist. */
export class InvalidSubnetIDNotFound extends ec2Error('InvalidSubnetID.NotFound') {}
/** The subnet CIDR block is outside the VPC or not between /16 and /28. */
export class InvalidSubnetRange extends ec2Error('InvalidSubnet.Range') {}
/** The subnet CIDR block overlaps another subnet of the VPC. */
export class InvalidSubnetConflict extends ec2Error('InvalidSubnet.Conflict') {}
/** The route table does not exist. */
export class InvalidRouteTableIDNotFound extends ec2Error('InvalidRouteTableID.NotFound') {}
/** A route with this destination already exists in the table. */
export class RouteAlreadyExists extends ec2Error('RouteAlreadyExists') {}
/** No route with this destination exists in the table. */
export class InvalidRouteNotFound extends ec2Error('InvalidRoute.NotFound') {}
/** The association does not exist. */
export class InvalidAssociationIDNotFound extends ec2Error('InvalidAssociationID.NotFound') {}
/** The resource is already associated (a subnet with a route table, an IGW with a VPC …). */
export class ResourceAlreadyAssociated extends ec2Error('Resource.AlreadyAssociated') {}
/** The internet gateway does not exist. */
export class InvalidInternetGatewayIDNotFound extends ec2Error('InvalidInternetGatewayID.NotFound') {}
/** The internet gateway is not attached to that VPC. */
export class GatewayNotAttached extends ec2Error('Gateway.NotAttached') {}
/** The NAT gateway does not exist. */
export class NatGatewayNotFound extends ec2Error('NatGatewayNotFound') {}
/** The Elastic IP allocation does not exist. */
export class InvalidAllocationIDNotFound extends ec2Error('InvalidAllocationID.NotFound') {}
/** The address is in use: an Elastic IP still associated, or a private IP already taken in the subnet. */
export class InvalidIPAddressInUse extends ec2Error('InvalidIPAddress.InUse') {}
/** The security group does not exist. */
export class InvalidGroupNotFound extends ec2Error('InvalidGroup.NotFound') {}
/** A security group with this name already exists in the VPC. */
export class InvalidGroupDuplicate extends ec2Error('InvalidGroup.Duplicate') {}
/** The security group name is reserved (`default`) or malformed. */
export class InvalidGroupReserved extends ec2Error('InvalidGroup.Reserved') {}
/** The rule already exists in the security group. */
export class InvalidPermissionDuplicate extends ec2Error('InvalidPermission.Duplicate') {}
/** The rule to revoke does not exist in the security group. */
export class InvalidPermissionNotFound extends ec2Error('InvalidPermission.NotFound') {}
/** The rule is malformed (a port range on `-1`, a `FromPort` above `ToPort` …). */
export class InvalidPermissionMalformed extends ec2Error('InvalidPermission.Malformed') {}
/** The security group would exceed its rules quota (60 inbound or 60 outbound by default). */
export class RulesPerSecurityGroupLimitExceeded extends ec2Error('RulesPerSecurityGroupLimitExceeded') {}
/** An interface would carry more security groups than allowed (5 by default). */
export class SecurityGroupsPerInterfaceLimitExceeded extends ec2Error('SecurityGroupsPerInterfaceLimitExceeded') {}
/** The network ACL does not exist. */
export class InvalidNetworkAclIDNotFound extends ec2Error('InvalidNetworkAclID.NotFound') {}
/** An entry with this rule number and direction already exists. */
export class NetworkAclEntryAlreadyExists extends ec2Error('NetworkAclEntryAlreadyExists') {}
/** No entry with this rule number and direction exists. */
export class InvalidNetworkAclEntryNotFound extends ec2Error('InvalidNetworkAclEntry.NotFound') {}
/** The network interface does not exist. */
export class InvalidNetworkInterfaceIDNotFound extends ec2Error('InvalidNetworkInterfaceID.NotFound') {}
/** The subnet has no free private address left. */
export class InsufficientFreeAddressesInSubnet extends ec2Error('InsufficientFreeAddressesInSubnet') {}
/** The instance does not exist. */
export class InvalidInstanceIDNotFound extends ec2Error('InvalidInstanceID.NotFound') {}
/** The instance is not in a state that allows the action (starting a terminated instance …). */
export class IncorrectInstanceState extends ec2Error('IncorrectInstanceState') {}
/** The AMI id is not well formed. */
export class InvalidAMIIDMalformed extends ec2Error('InvalidAMIID.Malformed') {}
/** The key pair does not exist. */
export class InvalidKeyPairNotFound extends ec2Error('InvalidKeyPair.NotFound') {}
/** A key pair with this name already exists. */
export class InvalidKeyPairDuplicate extends ec2Error('InvalidKeyPair.Duplicate') {}
/** The launch template does not exist. */
export class InvalidLaunchTemplateIdNotFound extends ec2Error('InvalidLaunchTemplateId.NotFound') {}
/** The launch template version does not exist. */
export class InvalidLaunchTemplateIdVersionNotFound extends ec2Error('InvalidLaunchTemplateId.VersionNotFound') {}
/** A launch template with this name already exists. */
export class InvalidLaunchTemplateNameAlreadyExists extends ec2Error('InvalidLaunchTemplateName.AlreadyExistsException') {}
/** The resource still has dependents (a VPC with subnets, a group referenced by another …). */
export class DependencyViolation extends ec2Error('DependencyViolation') {}
/** The resource cannot be deleted (the default security group, the default network ACL, the main route table). */
export class CannotDelete extends ec2Error('CannotDelete') {}
/** The account already has a default VPC. */
export class DefaultVpcAlreadyExists extends ec2Error('DefaultVpcAlreadyExists') {}
/** A feature of the request the emulator does not model: it fails closed and names it. */
export class UnsupportedOperation extends ec2Error('UnsupportedOperation') {}
/** No subnet was given and the account has no default VPC to launch into. */
export class VPCIdNotSpecified extends ec2Error('VPCIdNotSpecified') {}
/** The region already has as many VPCs as its quota allows (5 by default). */
export class VpcLimitExceeded extends ec2Error('VpcLimitExceeded') {}
/** The VPC already has as many subnets as its quota allows. */
export class SubnetLimitExceeded extends ec2Error('SubnetLimitExceeded') {}
/** The VPC already has as many security groups as its quota allows. */
export class SecurityGroupLimitExceeded extends ec2Error('SecurityGroupLimitExceeded') {}
/** The VPC already has as many route tables as its quota allows. */
export class RouteTableLimitExceeded extends ec2Error('RouteTableLimitExceeded') {}
/** The route table already has as many routes as its quota allows. */
export class RouteLimitExceeded extends ec2Error('RouteLimitExceeded') {}
/** The network ACL already has as many rules in that direction as its quota allows. */
export class NetworkAclEntryLimitExceeded extends ec2Error('NetworkAclEntryLimitExceeded') {}
/** The region already has as many internet gateways as its quota allows. */
export class InternetGatewayLimitExceeded extends ec2Error('InternetGatewayLimitExceeded') {}
/** The region already has as many Elastic IP addresses as its quota allows. */
export class AddressLimitExceeded extends ec2Error('AddressLimitExceeded') {}
/** The Availability Zone already has as many NAT gateways as its quota allows. */
export class NatGatewayLimitExceeded extends ec2Error('NatGatewayLimitExceeded') {}
/** The volume does not exist. */
export class InvalidVolumeNotFound extends ec2Error('InvalidVolume.NotFound') {}
/** The volume and the instance are in different Availability Zones. */
export class InvalidVolumeZoneMismatch extends ec2Error('InvalidVolume.ZoneMismatch') {}
/** The volume is attached, so it cannot be deleted or attached again. */
export class VolumeInUse extends ec2Error('VolumeInUse') {}
/** The volume is not attached to that instance. */
export class IncorrectState extends ec2Error('IncorrectState') {}
/** The Availability Zone does not exist in the region. */
export class InvalidZoneNotFound extends ec2Error('InvalidZone.NotFound') {}
/** The snapshot does not exist. */
export class InvalidSnapshotNotFound extends ec2Error('InvalidSnapshot.NotFound') {}
/** An account id that is not twelve digits. */
export class InvalidUserIDMalformed extends ec2Error('InvalidUserID.Malformed') {}
/** A parameter needs another one (`KmsKeyId` without `Encrypted`). */
export class InvalidParameterDependency extends ec2Error('InvalidParameterDependency') {}
/** The operation is not allowed on this resource (sharing a snapshot encrypted with `aws/ebs`, making an encrypted one public). */
export class OperationNotPermitted extends ec2Error('OperationNotPermitted') {}
/** A `NextToken` this account did not hand out (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html). */
export class InvalidPaginationToken extends ec2Error('InvalidPaginationToken') {}

// DryRun answers (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonParameters.html): the caller may
// make the call (412) or may not (403); the call itself is never run.

/** `DryRun` was set and the caller is authorized: the request would have succeeded. */
export class DryRunOperation extends AwsError {
  constructor() {
    super('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
  }
}

/** EC2's refusal of a caller whose policies do not allow the action (EC2 never answers `AccessDenied`). */
export class UnauthorizedOperation extends AwsError {
  constructor(message: string) {
    super('UnauthorizedOperation', message, 403);
  }
}

/** EC2's answer to an access key it does not know or a signature that does not match (401). */
export class AuthFailure extends AwsError {
  constructor() {
    super('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
  }
}
