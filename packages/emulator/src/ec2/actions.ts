import { disableEbsEncryptionByDefault, enableEbsEncryptionByDefault, getEbsDefaultKmsKeyId, getEbsEncryptionByDefault, modifyEbsDefaultKmsKeyId, resetEbsDefaultKmsKeyId } from './ebs-encryption.ts';
import { allocateAddress, associateAddress, attachInternetGateway, createInternetGateway, createNatGateway, deleteInternetGateway, deleteNatGateway, describeAddresses, describeInternetGateways, describeNatGateways, detachInternetGateway, disassociateAddress, releaseAddress } from './gateway-operations.ts';
import { describeInstances, modifyInstanceMetadataOptions, runInstances, startInstances, stopInstances, terminateInstances } from './instance-operations.ts';
import { describeInstanceTypes } from './instance-types.ts';
import { createKeyPair, deleteKeyPair, describeKeyPairs, importKeyPair } from './key-pair-operations.ts';
import { createLaunchTemplate, createLaunchTemplateVersion, describeLaunchTemplateVersions, modifyLaunchTemplate } from './launch-template-operations.ts';
import { createNetworkAcl, createNetworkAclEntry, deleteNetworkAcl, deleteNetworkAclEntry, describeNetworkAcls, replaceNetworkAclAssociation, replaceNetworkAclEntry } from './network-acl-operations.ts';
import { createNetworkInterface, deleteNetworkInterface, describeNetworkInterfaces, modifyNetworkInterfaceAttribute } from './network-interface-operations.ts';
import { associateRouteTable, createRoute, createRouteTable, deleteRoute, deleteRouteTable, describeRouteTables, disassociateRouteTable, replaceRoute, replaceRouteTableAssociation } from './route-table-operations.ts';
import { authorizeSecurityGroupEgress, authorizeSecurityGroupIngress, createSecurityGroup, deleteSecurityGroup, describeSecurityGroups, revokeSecurityGroupEgress, revokeSecurityGroupIngress } from './security-group-operations.ts';
import { copySnapshot, createSnapshot, deleteSnapshot, describeSnapshotAttribute, describeSnapshots, modifySnapshotAttribute } from './snapshot-operations.ts';
import { associateVpcCidrBlock, createDefaultVpc, createSubnet, createVpc, deleteSubnet, deleteVpc, describeSubnets, describeVpcs, modifySubnetAttribute } from './vpc-operations.ts';
import { attachVolume, createVolume, deleteVolume, describeVolumes, detachVolume } from './volume-operations.ts';

/** The only place where EC2 wire action names meet their functions (the wire layer dispatches through it). */
export const ec2Actions = {
  CreateVpc: createVpc,
  CreateDefaultVpc: createDefaultVpc,
  DeleteVpc: deleteVpc,
  DescribeVpcs: describeVpcs,
  AssociateVpcCidrBlock: associateVpcCidrBlock,
  CreateSubnet: createSubnet,
  DeleteSubnet: deleteSubnet,
  DescribeSubnets: describeSubnets,
  ModifySubnetAttribute: modifySubnetAttribute,
  CreateRouteTable: createRouteTable,
  DeleteRouteTable: deleteRouteTable,
  DescribeRouteTables: describeRouteTables,
  CreateRoute: createRoute,
  ReplaceRoute: replaceRoute,
  DeleteRoute: deleteRoute,
  AssociateRouteTable: associateRouteTable,
  DisassociateRouteTable: disassociateRouteTable,
  ReplaceRouteTableAssociation: replaceRouteTableAssociation,
  CreateInternetGateway: createInternetGateway,
  AttachInternetGateway: attachInternetGateway,
  DetachInternetGateway: detachInternetGateway,
  DeleteInternetGateway: deleteInternetGateway,
  DescribeInternetGateways: describeInternetGateways,
  AllocateAddress: allocateAddress,
  AssociateAddress: associateAddress,
  DisassociateAddress: disassociateAddress,
  ReleaseAddress: releaseAddress,
  DescribeAddresses: describeAddresses,
  CreateNatGateway: createNatGateway,
  DeleteNatGateway: deleteNatGateway,
  DescribeNatGateways: describeNatGateways,
  CreateSecurityGroup: createSecurityGroup,
  DeleteSecurityGroup: deleteSecurityGroup,
  DescribeSecurityGroups: describeSecurityGroups,
  AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
  AuthorizeSecurityGroupEgress: authorizeSecurityGroupEgress,
  RevokeSecurityGroupIngress: revokeSecurityGroupIngress,
  RevokeSecurityGroupEgress: revokeSecurityGroupEgress,
  CreateNetworkAcl: createNetworkAcl,
  DeleteNetworkAcl: deleteNetworkAcl,
  DescribeNetworkAcls: describeNetworkAcls,
  CreateNetworkAclEntry: createNetworkAclEntry,
  ReplaceNetworkAclEntry: replaceNetworkAclEntry,
  DeleteNetworkAclEntry: deleteNetworkAclEntry,
  ReplaceNetworkAclAssociation: replaceNetworkAclAssociation,
  CreateNetworkInterface: createNetworkInterface,
  DeleteNetworkInterface: deleteNetworkInterface,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  ModifyNetworkInterfaceAttribute: modifyNetworkInterfaceAttribute,
  RunInstances: runInstances,
  DescribeInstances: describeInstances,
  StartInstances: startInstances,
  StopInstances: stopInstances,
  TerminateInstances: terminateInstances,
  ModifyInstanceMetadataOptions: modifyInstanceMetadataOptions,
  DescribeInstanceTypes: describeInstanceTypes,
  CreateKeyPair: createKeyPair,
  ImportKeyPair: importKeyPair,
  DescribeKeyPairs: describeKeyPairs,
  DeleteKeyPair: deleteKeyPair,
  CreateLaunchTemplate: createLaunchTemplate,
  CreateLaunchTemplateVersion: createLaunchTemplateVersion,
  ModifyLaunchTemplate: modifyLaunchTemplate,
  DescribeLaunchTemplateVersions: describeLaunchTemplateVersions,
  CreateVolume: createVolume,
  DescribeVolumes: describeVolumes,
  DeleteVolume: deleteVolume,
  AttachVolume: attachVolume,
  DetachVolume: detachVolume,
  CreateSnapshot: createSnapshot,
  CopySnapshot: copySnapshot,
  DescribeSnapshots: describeSnapshots,
  DeleteSnapshot: deleteSnapshot,
  ModifySnapshotAttribute: modifySnapshotAttribute,
  DescribeSnapshotAttribute: describeSnapshotAttribute,
  EnableEbsEncryptionByDefault: enableEbsEncryptionByDefault,
  DisableEbsEncryptionByDefault: disableEbsEncryptionByDefault,
  GetEbsEncryptionByDefault: getEbsEncryptionByDefault,
  ModifyEbsDefaultKmsKeyId: modifyEbsDefaultKmsKeyId,
  GetEbsDefaultKmsKeyId: getEbsDefaultKmsKeyId,
  ResetEbsDefaultKmsKeyId: resetEbsDefaultKmsKeyId,
} as const;

/** An EC2 action name the emulator implements. */
export type Ec2ActionName = keyof typeof ec2Actions;
