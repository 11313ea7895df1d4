// The account console's view: its shapes are the API's answer schema (`@skylab/validation`, api/account-console.ts),
// which the OpenAPI document and the web client share.
export type {
  AccountView,
  AlarmView,
  AttachedPolicyView,
  AutoScalingGroupView,
  BucketView,
  IamView,
  InlinePolicyView,
  LoadBalancerView,
  NetworkAclEntryView,
  SecurityGroupRuleView,
  SecurityGroupView,
  SubnetView,
  TargetGroupView,
  VpcView,
} from '@skylab/validation';
