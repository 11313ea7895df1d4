import { describe, expect, it } from 'vitest';
import { cloneState, emptyAccountState, restoreAccountState } from './state.ts';

describe('restoreAccountState', () => {
  it('gives a snapshot from before a service existed that service’s empty state, keeping the rest', () => {
    const { ec2: _dropped, ...older } = emptyAccountState();
    older.s3.buckets['my-app-bucket'] = { Name: 'my-app-bucket', CreationDate: '2026-01-01T00:00:00.000Z', Region: 'us-east-1', Objects: {} } as never;
    const restored = restoreAccountState(JSON.parse(JSON.stringify(older)));
    expect(restored.ec2).toEqual(emptyAccountState().ec2);
    expect(Object.keys(restored.s3.buckets)).toEqual(['my-app-bucket']);
  });

  it('gives a snapshot from before KMS, ECR and EBS snapshots their empty state, keeping its volumes', () => {
    const { kms: _kms, ecr: _ecr, ...older } = emptyAccountState();
    const { snapshots: _snapshots, ebsEncryption: _ebs, ...ec2 } = older.ec2;
    const restored = restoreAccountState(JSON.parse(JSON.stringify({ ...older, ec2: { ...ec2, volumes: { 'vol-1': { VolumeId: 'vol-1' } } } })));
    expect(restored.kms).toEqual(emptyAccountState().kms);
    expect(restored.ecr).toEqual(emptyAccountState().ecr);
    expect(restored.ec2.snapshots).toEqual({});
    expect(Object.getPrototypeOf(restored.ec2.ebsEncryption)).toBeNull();
    expect(Object.keys(restored.ec2.volumes)).toEqual(['vol-1']);
  });

  it.each([null, undefined, 42, 'text', []])('treats %j as an empty account', (snapshot) => {
    expect(restoreAccountState(snapshot)).toEqual(emptyAccountState());
  });

  it('gives back records without a prototype, so a stored `constructor` or `__proto__` key is only ever its own', () => {
    const restored = restoreAccountState(JSON.parse('{"iam":{"users":{"__proto__":{"UserName":"__proto__"}}}}'));
    expect(Object.getPrototypeOf(restored.iam.users)).toBeNull();
    expect(Object.keys(restored.iam.users)).toEqual(['__proto__']);
    expect(restored.iam.users.constructor).toBeUndefined();
    expect(Object.getPrototypeOf(cloneState(restored).iam.roles)).toBeNull();
    expect(Object.getPrototypeOf(restored)).toBe(Object.prototype);
  });

  it('knows every record of every service: each comes back without a prototype', () => {
    const restored = restoreAccountState(JSON.parse(JSON.stringify(emptyAccountState())));
    for (const [service, members] of Object.entries(restored)) {
      for (const [name, member] of Object.entries(members as object)) {
        if (typeof member === 'object' && member !== null && !Array.isArray(member)) expect([service, name, Object.getPrototypeOf(member)]).toEqual([service, name, null]);
      }
    }
  });

  it('round-trips a current snapshot unchanged', () => {
    const state = emptyAccountState();
    expect(restoreAccountState(cloneState(state))).toEqual(state);
  });
});
