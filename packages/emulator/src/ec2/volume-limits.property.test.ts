import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors.ts';
import { checkVolumeSpec, VOLUME_TYPES } from './volume-operations.ts';
import type { Volume } from './state.ts';

// Whatever CreateVolume accepts stays inside the documented limits of its type
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html), and what it refuses is an
// AWS error, never an exception of the emulator.

const TYPES = Object.keys(VOLUME_TYPES) as Volume['VolumeType'][];

describe('volume limits', () => {
  it('accept only volumes inside their type limits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES),
        fc.integer({ min: -5, max: 70000 }),
        fc.option(fc.integer({ min: 0, max: 300000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 1200 }), { nil: undefined }),
        (VolumeType, Size, Iops, Throughput) => {
          let volume: ReturnType<typeof checkVolumeSpec>;
          try {
            volume = checkVolumeSpec({ VolumeType, Size, ...(Iops !== undefined ? { Iops } : {}), ...(Throughput !== undefined ? { Throughput } : {}) }, undefined);
          } catch (error) {
            expect(error).toBeInstanceOf(AwsError);
            return;
          }
          const limits = VOLUME_TYPES[VolumeType];
          expect(volume.Size).toBeGreaterThanOrEqual(limits.minSize);
          expect(volume.Size).toBeLessThanOrEqual(limits.maxSize);
          if (limits.iops && volume.Iops !== undefined) {
            expect(volume.Iops).toBeLessThanOrEqual(Math.max(limits.iops.baseline ?? 0, volume.Size * limits.iops.perGiB));
            expect(volume.Iops).toBeLessThanOrEqual(limits.iops.max);
          } else expect(Iops).toBeUndefined();
          if (volume.Throughput !== undefined) expect(volume.Throughput).toBeLessThanOrEqual((volume.Iops ?? 0) * 0.25);
          else expect(Throughput).toBeUndefined();
        },
      ),
    );
  });
});
