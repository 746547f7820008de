// Infers the resource a resource-based policy is attached to (S3 bucket, SQS queue, SNS topic, KMS key),
// which T11-T13 need. Source: in a template, the resource that holds the policy (AWS::SQS::QueuePolicy,
// aws_s3_bucket_policy…: exact); in a plain policy file, its name (`*bucket-policy*.json`); else, for S3 only,
// the content (every ARN in Resource is of one and the same S3 bucket). Anything else: undefined, and those
// rules stay silent.

import type { PolicyDocument } from '../../parser/policyModel';

export type AttachedResource = 's3-bucket' | 'sqs-queue' | 'sns-topic' | 'kms-key';

export interface AttachedResourceInfo {
  readonly kind: AttachedResource;
  /** true when a template's resource type or the file name said so (explicit intent); false when guessed from the policy's ARNs */
  readonly fromFileName: boolean;
}

export const ATTACHED_RESOURCE_NAMES: Readonly<Record<AttachedResource, string>> = {
  's3-bucket': 'an S3 bucket policy',
  'sqs-queue': 'an SQS queue policy',
  'sns-topic': 'an SNS topic policy',
  'kms-key': 'a KMS key policy',
};

/** The service prefix whose actions the resource's policy may name. */
export const ATTACHED_RESOURCE_SERVICE: Readonly<Record<AttachedResource, string>> = {
  's3-bucket': 's3',
  'sqs-queue': 'sqs',
  'sns-topic': 'sns',
  'kms-key': 'kms',
};

const FILE_NAME_HINTS: ReadonlyArray<[RegExp, AttachedResource]> = [
  [/bucket[-_. ]?polic/i, 's3-bucket'],
  [/(queue|sqs)[-_. ]?polic/i, 'sqs-queue'],
  [/(topic|sns)[-_. ]?polic/i, 'sns-topic'],
  [/kms[-_. ]?(key[-_. ]?)?polic|(?<!access[-_]?|api[-_]?|ssh[-_]?)(^|[^a-z])key[-_. ]?polic/i, 'kms-key'],
];

const S3_BUCKET_ARN = /^arn:[a-z-]+:s3:::[^:]+$/;

/** Template resource types (CloudFormation, Terraform) whose policy is attached to one of these resources. */
const TEMPLATE_RESOURCE_TYPES: Readonly<Record<string, AttachedResource>> = {
  'AWS::S3::BucketPolicy': 's3-bucket',
  aws_s3_bucket_policy: 's3-bucket',
  aws_s3_bucket: 's3-bucket',
  'AWS::SQS::QueuePolicy': 'sqs-queue',
  aws_sqs_queue_policy: 'sqs-queue',
  aws_sqs_queue: 'sqs-queue',
  'AWS::SNS::TopicPolicy': 'sns-topic',
  aws_sns_topic_policy: 'sns-topic',
  aws_sns_topic: 'sns-topic',
  'AWS::KMS::Key': 'kms-key',
  'AWS::KMS::ReplicaKey': 'kms-key',
  aws_kms_key: 'kms-key',
  aws_kms_key_policy: 'kms-key',
};

export function attachedResource(policy: PolicyDocument, uri: string): AttachedResourceInfo | undefined {
  if (policy.policyType !== 'resource') return undefined;
  if (policy.resourceType !== undefined) {
    const kind = TEMPLATE_RESOURCE_TYPES[policy.resourceType];
    // a template resource of another kind (an ECR repository, an OpenSearch domain) is none of these four:
    // guessing from its ARNs would be weaker than what the template says
    return kind ? { kind, fromFileName: true } : undefined;
  }
  // a template's file name says nothing about each of the policies inside it (label is set for those)
  if (policy.label === '') {
    const base = safeDecode(uri.split(/[\\/]/).pop() ?? '');
    for (const [re, kind] of FILE_NAME_HINTS) if (re.test(base)) return { kind, fromFileName: true };
  }
  // a bucket policy names only its own bucket: every ARN of one concrete bucket (no wildcard in the name).
  // `arn:aws:s3:::*` or several buckets look more like a VPC endpoint policy, where s3:ResourceAccount matters.
  const arns = policy.statements.flatMap((s) => (s.resource && !s.resource.negated ? s.resource.items.map((i) => i.value) : [])).filter((v) => v !== '*');
  const buckets = new Set(arns.map((a) => (S3_BUCKET_ARN.test(a) ? a.slice(a.indexOf(':::') + 3).split('/')[0]! : '*')));
  const [bucket] = buckets;
  if (buckets.size === 1 && bucket !== undefined && bucket !== '' && !/[*?]/.test(bucket)) return { kind: 's3-bucket', fromFileName: false };
  return undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
