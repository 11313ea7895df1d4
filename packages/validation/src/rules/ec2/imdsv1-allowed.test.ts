import { ruleTable } from '../rule-table.ts';

ruleTable('ec2/imdsv1-allowed', 'launch-template', {
  hit: [{ ImageId: 'ami-1', InstanceType: 't3.micro' }, { LaunchTemplateName: 'web', LaunchTemplateData: { MetadataOptions: { HttpTokens: 'optional' } } }],
  miss: [{ ImageId: 'ami-1', MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1 } }, { MetadataOptions: { HttpEndpoint: 'disabled' } }],
});
