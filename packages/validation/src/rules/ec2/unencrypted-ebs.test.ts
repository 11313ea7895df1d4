import { ruleTable } from '../rule-table.ts';

const lt = (Ebs: object) => ({ MetadataOptions: { HttpTokens: 'required' }, BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs }] });
ruleTable('ec2/unencrypted-ebs', 'launch-template', {
  hit: [lt({ VolumeSize: 8, VolumeType: 'gp3' }), lt({ Encrypted: false })],
  miss: [lt({ VolumeSize: 8, Encrypted: true }), { MetadataOptions: { HttpTokens: 'required' } }],
});
