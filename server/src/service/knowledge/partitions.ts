// AWS partitions and their Regions, as data, for ARN partition/region checks (R03, R05).
// Sources: the partition list in the IAM User Guide "IAM identifiers" / ARN reference page and the AWS
// General Reference "AWS Regions" table (docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html),
// cross-checked with botocore's endpoints/partitions data. Regions launch every year: callers treat a
// well-formed Region missing from this table as "unknown" (warning), never as certainly wrong.

export interface PartitionInfo {
  readonly id: string;
  readonly name: string;
  readonly regions: readonly string[];
}

export const PARTITIONS: readonly PartitionInfo[] = [
  {
    id: 'aws',
    name: 'AWS Standard',
    regions: [
      'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1',
      'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
      'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1',
      'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1',
      'mx-central-1', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
    ],
  },
  { id: 'aws-cn', name: 'AWS China', regions: ['cn-north-1', 'cn-northwest-1'] },
  { id: 'aws-us-gov', name: 'AWS GovCloud (US)', regions: ['us-gov-east-1', 'us-gov-west-1'] },
  { id: 'aws-iso', name: 'AWS ISO (US)', regions: ['us-iso-east-1', 'us-iso-west-1'] },
  { id: 'aws-iso-b', name: 'AWS ISOB (US)', regions: ['us-isob-east-1', 'us-isob-west-1'] },
  { id: 'aws-iso-e', name: 'AWS ISOE (Europe)', regions: ['eu-isoe-west-1'] },
  { id: 'aws-iso-f', name: 'AWS ISOF', regions: ['us-isof-east-1', 'us-isof-south-1'] },
  { id: 'aws-eusc', name: 'AWS European Sovereign Cloud', regions: ['eusc-de-east-1'] },
];

export const PARTITION_IDS: readonly string[] = PARTITIONS.map((p) => p.id);
export const ALL_REGIONS: readonly string[] = PARTITIONS.flatMap((p) => p.regions);

const REGION_SET = new Set(ALL_REGIONS);

export function isKnownPartition(id: string): boolean {
  return PARTITION_IDS.includes(id);
}

export function isKnownRegion(region: string): boolean {
  return REGION_SET.has(region);
}

/**
 * The shape every Region code has had so far: lowercase area, optional qualifiers, a direction word and a
 * number ("us-east-1", "us-gov-west-1", "eu-isoe-west-1"). Checked by hand: no RegExp from user text.
 */
export function looksLikeRegion(region: string): boolean {
  const parts = region.split('-');
  if (parts.length < 3) return false;
  const last = parts[parts.length - 1]!;
  if (!/^[0-9]{1,2}$/.test(last)) return false;
  return parts.slice(0, -1).every((p) => /^[a-z]{2,}$/.test(p));
}
