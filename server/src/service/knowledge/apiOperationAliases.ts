// API operation names that are not IAM actions, with the IAM action(s) that authorize them. People copy
// operation names from SDK calls ("CreateMultipartUpload", "ListObjectsV2") into policies; IAM ignores them.
// Curated by hand from the AWS documentation pages named per entry (looked up 2026-11); an entry is used only
// while the catalog does NOT define the name as an action and DOES define every target (tested).

export interface ApiOperationAlias {
  /** "s3:CreateMultipartUpload" as the API names it */
  readonly operation: string;
  /** IAM actions that authorize the operation, in canonical casing */
  readonly grantedBy: readonly string[];
  /** where AWS documents the mapping */
  readonly source: string;
}

const S3_PERMISSIONS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html';
const S3_API = (op: string): string => `https://docs.aws.amazon.com/AmazonS3/latest/API/API_${op}.html`;
const DDB_TX = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html';
const SQS_BATCH = 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-batch-api-actions.html';

export const API_OPERATION_ALIASES: readonly ApiOperationAlias[] = [
  // Amazon S3: "Required permissions for Amazon S3 API operations" and each API page's Permissions section
  { operation: 's3:CreateMultipartUpload', grantedBy: ['s3:PutObject'], source: S3_API('CreateMultipartUpload') },
  { operation: 's3:UploadPart', grantedBy: ['s3:PutObject'], source: S3_API('UploadPart') },
  { operation: 's3:UploadPartCopy', grantedBy: ['s3:PutObject', 's3:GetObject'], source: S3_API('UploadPartCopy') },
  { operation: 's3:CompleteMultipartUpload', grantedBy: ['s3:PutObject'], source: S3_API('CompleteMultipartUpload') },
  { operation: 's3:CopyObject', grantedBy: ['s3:GetObject', 's3:PutObject'], source: S3_API('CopyObject') },
  { operation: 's3:HeadObject', grantedBy: ['s3:GetObject'], source: S3_API('HeadObject') },
  { operation: 's3:HeadBucket', grantedBy: ['s3:ListBucket'], source: S3_API('HeadBucket') },
  { operation: 's3:ListObjects', grantedBy: ['s3:ListBucket'], source: S3_API('ListObjects') },
  { operation: 's3:ListObjectsV2', grantedBy: ['s3:ListBucket'], source: S3_API('ListObjectsV2') },
  { operation: 's3:ListObjectVersions', grantedBy: ['s3:ListBucketVersions'], source: S3_API('ListObjectVersions') },
  { operation: 's3:ListParts', grantedBy: ['s3:ListMultipartUploadParts'], source: S3_API('ListParts') },
  { operation: 's3:ListMultipartUploads', grantedBy: ['s3:ListBucketMultipartUploads'], source: S3_API('ListMultipartUploads') },
  { operation: 's3:ListBuckets', grantedBy: ['s3:ListAllMyBuckets'], source: S3_API('ListBuckets') },
  { operation: 's3:DeleteObjects', grantedBy: ['s3:DeleteObject'], source: S3_API('DeleteObjects') },
  { operation: 's3:GetBucketLifecycleConfiguration', grantedBy: ['s3:GetLifecycleConfiguration'], source: S3_PERMISSIONS },
  { operation: 's3:PutBucketLifecycleConfiguration', grantedBy: ['s3:PutLifecycleConfiguration'], source: S3_PERMISSIONS },
  { operation: 's3:DeleteBucketLifecycle', grantedBy: ['s3:PutLifecycleConfiguration'], source: S3_PERMISSIONS },
  { operation: 's3:GetBucketEncryption', grantedBy: ['s3:GetEncryptionConfiguration'], source: S3_PERMISSIONS },
  { operation: 's3:PutBucketEncryption', grantedBy: ['s3:PutEncryptionConfiguration'], source: S3_PERMISSIONS },
  { operation: 's3:DeleteBucketEncryption', grantedBy: ['s3:PutEncryptionConfiguration'], source: S3_PERMISSIONS },
  { operation: 's3:GetBucketReplication', grantedBy: ['s3:GetReplicationConfiguration'], source: S3_PERMISSIONS },
  { operation: 's3:PutBucketReplication', grantedBy: ['s3:PutReplicationConfiguration'], source: S3_PERMISSIONS },
  { operation: 's3:DeleteBucketReplication', grantedBy: ['s3:PutReplicationConfiguration'], source: S3_PERMISSIONS },
  { operation: 's3:GetBucketNotificationConfiguration', grantedBy: ['s3:GetBucketNotification'], source: S3_PERMISSIONS },
  { operation: 's3:PutBucketNotificationConfiguration', grantedBy: ['s3:PutBucketNotification'], source: S3_PERMISSIONS },
  { operation: 's3:DeletePublicAccessBlock', grantedBy: ['s3:PutBucketPublicAccessBlock'], source: S3_PERMISSIONS },
  { operation: 's3:GetPublicAccessBlock', grantedBy: ['s3:GetBucketPublicAccessBlock'], source: S3_PERMISSIONS },
  { operation: 's3:PutPublicAccessBlock', grantedBy: ['s3:PutBucketPublicAccessBlock'], source: S3_PERMISSIONS },
  { operation: 's3:DeleteBucketCors', grantedBy: ['s3:PutBucketCORS'], source: S3_PERMISSIONS },
  { operation: 's3:DeleteBucketTagging', grantedBy: ['s3:PutBucketTagging'], source: S3_PERMISSIONS },
  // Amazon DynamoDB: "Using IAM with DynamoDB transactions"
  { operation: 'dynamodb:TransactWriteItems', grantedBy: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'], source: DDB_TX },
  { operation: 'dynamodb:TransactGetItems', grantedBy: ['dynamodb:GetItem'], source: DDB_TX },
  // Amazon SQS: "Amazon SQS batch actions" (batch permissions come from the single-message actions)
  { operation: 'sqs:SendMessageBatch', grantedBy: ['sqs:SendMessage'], source: SQS_BATCH },
  { operation: 'sqs:DeleteMessageBatch', grantedBy: ['sqs:DeleteMessage'], source: SQS_BATCH },
  { operation: 'sqs:ChangeMessageVisibilityBatch', grantedBy: ['sqs:ChangeMessageVisibility'], source: SQS_BATCH },
];

const BY_NAME = new Map(API_OPERATION_ALIASES.map((a) => [a.operation.toLowerCase(), a]));

/** The alias entry for an operation name (case-insensitive), if any. */
export function apiOperationAlias(fullName: string): ApiOperationAlias | undefined {
  return BY_NAME.get(fullName.toLowerCase());
}
