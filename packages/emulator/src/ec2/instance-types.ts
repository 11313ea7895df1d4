import { getRecord, recordsFrom } from '../records.ts';

// A catalogue of common instance types in the shape of DescribeInstanceTypes, with the burst credit
// figures of the T family (https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html and
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-credits-baseline-concepts.html).

/** One instance type as DescribeInstanceTypes reports it (the fields the labs use). */
export interface InstanceTypeInfo {
  InstanceType: string;
  VCpuInfo: { DefaultVCpus: number };
  MemoryInfo: { SizeInMiB: number };
  NetworkInfo: { NetworkPerformance: string; MaximumNetworkInterfaces: number; Ipv4AddressesPerInterface: number };
  ProcessorInfo: { SupportedArchitectures: ('x86_64' | 'arm64')[] };
  BurstablePerformanceSupported: boolean;
  InstanceStorageSupported: boolean;
  InstanceStorageInfo?: { TotalSizeInGB: number };
  /** T family only: credits earned per hour, the most that can accrue, and the baseline per vCPU in percent. */
  BurstCredits?: { CreditsPerHour: number; MaxAccrued: number; BaselinePerVCpuPercent: number; DefaultCreditOption: 'standard' | 'unlimited' };
}

type Row = [type: string, vcpus: number, memoryGiB: number, network: string, enis: number, ipsPerEni: number, arm: boolean, storageGB?: number, burst?: [number, number, number]];

const ROWS: Row[] = [
  ['t2.nano', 1, 0.5, 'Low', 2, 2, false, undefined, [3, 72, 5]],
  ['t2.micro', 1, 1, 'Low to Moderate', 2, 2, false, undefined, [6, 144, 10]],
  ['t2.small', 1, 2, 'Low to Moderate', 3, 4, false, undefined, [12, 288, 20]],
  ['t2.medium', 2, 4, 'Low to Moderate', 3, 6, false, undefined, [24, 576, 20]],
  ['t2.large', 2, 8, 'Low to Moderate', 3, 12, false, undefined, [36, 864, 30]],
  ['t3.nano', 2, 0.5, 'Up to 5 Gigabit', 2, 2, false, undefined, [6, 144, 5]],
  ['t3.micro', 2, 1, 'Up to 5 Gigabit', 2, 2, false, undefined, [12, 288, 10]],
  ['t3.small', 2, 2, 'Up to 5 Gigabit', 3, 4, false, undefined, [24, 576, 20]],
  ['t3.medium', 2, 4, 'Up to 5 Gigabit', 3, 6, false, undefined, [24, 576, 20]],
  ['t3.large', 2, 8, 'Up to 5 Gigabit', 3, 12, false, undefined, [36, 864, 30]],
  ['t3.xlarge', 4, 16, 'Up to 5 Gigabit', 4, 15, false, undefined, [96, 2304, 40]],
  ['t3a.micro', 2, 1, 'Up to 5 Gigabit', 2, 2, false, undefined, [12, 288, 10]],
  ['t3a.small', 2, 2, 'Up to 5 Gigabit', 2, 4, false, undefined, [24, 576, 20]],
  ['t4g.micro', 2, 1, 'Up to 5 Gigabit', 2, 2, true, undefined, [12, 288, 10]],
  ['t4g.small', 2, 2, 'Up to 5 Gigabit', 3, 4, true, undefined, [24, 576, 20]],
  ['t4g.medium', 2, 4, 'Up to 5 Gigabit', 3, 6, true, undefined, [24, 576, 20]],
  ['m5.large', 2, 8, 'Up to 10 Gigabit', 3, 10, false],
  ['m5.xlarge', 4, 16, 'Up to 10 Gigabit', 4, 15, false],
  ['m5.2xlarge', 8, 32, 'Up to 10 Gigabit', 4, 15, false],
  ['m5d.large', 2, 8, 'Up to 10 Gigabit', 3, 10, false, 75],
  ['m6i.large', 2, 8, 'Up to 12.5 Gigabit', 3, 10, false],
  ['m6i.xlarge', 4, 16, 'Up to 12.5 Gigabit', 4, 15, false],
  ['m7g.large', 2, 8, 'Up to 12.5 Gigabit', 3, 10, true],
  ['c5.large', 2, 4, 'Up to 10 Gigabit', 3, 10, false],
  ['c5.xlarge', 4, 8, 'Up to 10 Gigabit', 4, 15, false],
  ['c6i.large', 2, 4, 'Up to 12.5 Gigabit', 3, 10, false],
  ['c7g.large', 2, 4, 'Up to 12.5 Gigabit', 3, 10, true],
  ['r5.large', 2, 16, 'Up to 10 Gigabit', 3, 10, false],
  ['r6i.large', 2, 16, 'Up to 12.5 Gigabit', 3, 10, false],
  ['i3.large', 2, 15.25, 'Up to 10 Gigabit', 3, 10, false, 475],
];

/** The catalogue by type name. */
export const INSTANCE_TYPES: Record<string, InstanceTypeInfo> = recordsFrom(
  ROWS.map(([type, vcpus, memory, network, enis, ips, arm, storage, burst]) => {
    const info: InstanceTypeInfo = {
      InstanceType: type,
      VCpuInfo: { DefaultVCpus: vcpus },
      MemoryInfo: { SizeInMiB: memory * 1024 },
      NetworkInfo: { NetworkPerformance: network, MaximumNetworkInterfaces: enis, Ipv4AddressesPerInterface: ips },
      ProcessorInfo: { SupportedArchitectures: [arm ? 'arm64' : 'x86_64'] },
      BurstablePerformanceSupported: burst !== undefined,
      InstanceStorageSupported: storage !== undefined,
    };
    if (storage !== undefined) info.InstanceStorageInfo = { TotalSizeInGB: storage };
    // T2 launches in standard credit mode, T3/T3a/T4g in unlimited mode by default.
    if (burst) info.BurstCredits = { CreditsPerHour: burst[0], MaxAccrued: burst[1], BaselinePerVCpuPercent: burst[2], DefaultCreditOption: type.startsWith('t2.') ? 'standard' : 'unlimited' };
    return [type, info];
  }),
);

/** DescribeInstanceTypes: the catalogue entries for the given types, or all. Unknown types are skipped, as EC2 rejects them on launch. */
export function describeInstanceTypes(_state: unknown, input: { InstanceTypes?: string[] } = {}): { InstanceTypes: InstanceTypeInfo[] } {
  const names = input.InstanceTypes ?? Object.keys(INSTANCE_TYPES);
  return { InstanceTypes: names.flatMap((name) => getRecord(INSTANCE_TYPES, name) ?? []) };
}
