// CloudTrail eventNames whose IAM action is not the catalogue action of the same name: renamed operations,
// version-suffixed names (Lambda, CloudFront), calls authorized by several actions, API Gateway's HTTP-verb
// actions. Each entry names the AWS page that documents it. Used by actionMapping.ts; an entry applies only
// when every target is a catalogue action (tested).

import { API_OPERATION_ALIASES } from '../knowledge/apiOperationAliases';

export interface EventMismatch {
  /** "prefix:EventName" exactly as CloudTrail logs the eventName (matched case-insensitively) */
  readonly event: string;
  readonly actions: readonly string[];
  readonly source: string;
}

const S3_ACTIONS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html';
const S3_CT = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html';
const KMS_REENCRYPT = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html';
const LAMBDA_INVOKE = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html';
const BEDROCK_CONVERSE = 'https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-call.html';
const SNS_BATCH = 'https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html';

export const EVENT_MISMATCHES: readonly EventMismatch[] = [
  // the knowledge base's API-operation aliases (S3 REST names, DynamoDB transactions, SQS batches)
  ...API_OPERATION_ALIASES.map((a) => ({ event: a.operation, actions: a.grantedBy, source: a.source })),
  // S3 bucket sub-resources: CloudTrail logs the REST operation name (S3 "Amazon S3 CloudTrail events")
  { event: 's3:GetBucketLifecycle', actions: ['s3:GetLifecycleConfiguration'], source: S3_CT },
  { event: 's3:PutBucketLifecycle', actions: ['s3:PutLifecycleConfiguration'], source: S3_CT },
  { event: 's3:DeleteBucketPublicAccessBlock', actions: ['s3:PutBucketPublicAccessBlock'], source: S3_ACTIONS },
  { event: 's3:DeleteBucketOwnershipControls', actions: ['s3:PutBucketOwnershipControls'], source: S3_ACTIONS },
  { event: 's3:GetBucketIntelligentTieringConfiguration', actions: ['s3:GetIntelligentTieringConfiguration'], source: S3_ACTIONS },
  { event: 's3:PutBucketIntelligentTieringConfiguration', actions: ['s3:PutIntelligentTieringConfiguration'], source: S3_ACTIONS },
  { event: 's3:DeleteBucketIntelligentTieringConfiguration', actions: ['s3:PutIntelligentTieringConfiguration'], source: S3_ACTIONS },
  { event: 's3:ListBucketIntelligentTieringConfigurations', actions: ['s3:GetIntelligentTieringConfiguration'], source: S3_ACTIONS },
  { event: 's3:GetBucketInventoryConfiguration', actions: ['s3:GetInventoryConfiguration'], source: S3_ACTIONS },
  { event: 's3:PutBucketInventoryConfiguration', actions: ['s3:PutInventoryConfiguration'], source: S3_ACTIONS },
  { event: 's3:DeleteBucketInventoryConfiguration', actions: ['s3:PutInventoryConfiguration'], source: S3_ACTIONS },
  { event: 's3:ListBucketInventoryConfigurations', actions: ['s3:GetInventoryConfiguration'], source: S3_ACTIONS },
  { event: 's3:GetBucketAnalyticsConfiguration', actions: ['s3:GetAnalyticsConfiguration'], source: S3_ACTIONS },
  { event: 's3:PutBucketAnalyticsConfiguration', actions: ['s3:PutAnalyticsConfiguration'], source: S3_ACTIONS },
  { event: 's3:DeleteBucketAnalyticsConfiguration', actions: ['s3:PutAnalyticsConfiguration'], source: S3_ACTIONS },
  { event: 's3:ListBucketAnalyticsConfigurations', actions: ['s3:GetAnalyticsConfiguration'], source: S3_ACTIONS },
  { event: 's3:GetBucketMetricsConfiguration', actions: ['s3:GetMetricsConfiguration'], source: S3_ACTIONS },
  { event: 's3:PutBucketMetricsConfiguration', actions: ['s3:PutMetricsConfiguration'], source: S3_ACTIONS },
  { event: 's3:DeleteBucketMetricsConfiguration', actions: ['s3:PutMetricsConfiguration'], source: S3_ACTIONS },
  { event: 's3:ListBucketMetricsConfigurations', actions: ['s3:GetMetricsConfiguration'], source: S3_ACTIONS },
  { event: 's3:GetBucketAccelerateConfiguration', actions: ['s3:GetAccelerateConfiguration'], source: S3_ACTIONS },
  { event: 's3:PutBucketAccelerateConfiguration', actions: ['s3:PutAccelerateConfiguration'], source: S3_ACTIONS },
  { event: 's3:GetObjectLockConfiguration', actions: ['s3:GetBucketObjectLockConfiguration'], source: S3_ACTIONS },
  { event: 's3:PutObjectLockConfiguration', actions: ['s3:PutBucketObjectLockConfiguration'], source: S3_ACTIONS },
  { event: 's3:SelectObjectContent', actions: ['s3:GetObject'], source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_SelectObjectContent.html' },
  // KMS: "To perform this operation, you need two different permissions: kms:ReEncryptFrom ... kms:ReEncryptTo"
  { event: 'kms:ReEncrypt', actions: ['kms:ReEncryptFrom', 'kms:ReEncryptTo'], source: KMS_REENCRYPT },
  // Lambda: the Invoke API is authorized by lambda:InvokeFunction (data event "Invoke")
  { event: 'lambda:Invoke', actions: ['lambda:InvokeFunction'], source: LAMBDA_INVOKE },
  { event: 'lambda:InvokeWithResponseStream', actions: ['lambda:InvokeFunction'], source: LAMBDA_INVOKE },
  // Bedrock: Converse needs bedrock:InvokeModel, ConverseStream bedrock:InvokeModelWithResponseStream
  { event: 'bedrock:Converse', actions: ['bedrock:InvokeModel'], source: BEDROCK_CONVERSE },
  { event: 'bedrock:ConverseStream', actions: ['bedrock:InvokeModelWithResponseStream'], source: BEDROCK_CONVERSE },
  // SNS: "PublishBatch ... requires sns:Publish"
  { event: 'sns:PublishBatch', actions: ['sns:Publish'], source: SNS_BATCH },
];

export const LAMBDA_VERSIONED = 'https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html';
export const CLOUDFRONT_VERSIONED = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/logging_using_cloudtrail.html';
export const APIGATEWAY_VERBS = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-create-and-manage-api.html';

/**
 * Services whose eventNames carry the API version: Lambda ("CreateFunction20150331", "GetPolicy20150331v2",
 * "PublishLayerVersion20181031") and CloudFront ("UpdateDistribution2017_03_25"). The suffix is stripped and
 * the rest must be a catalogue action.
 */
export const VERSION_SUFFIX: ReadonlyMap<string, { readonly pattern: RegExp; readonly source: string }> = new Map([
  ['lambda', { pattern: /^([A-Za-z]+?)20\d{6}(?:v\d+)?$/, source: LAMBDA_VERSIONED }],
  ['cloudfront', { pattern: /^([A-Za-z]+?)20\d{2}_\d{2}_\d{2}$/, source: CLOUDFRONT_VERSIONED }],
]);

/**
 * API Gateway's control plane is authorized per HTTP method: apigateway:GET, POST, PUT, PATCH, DELETE on the
 * resource path. Only the operation families whose method is fixed by their name are mapped.
 */
export const APIGATEWAY_VERB_BY_PREFIX: readonly (readonly [string, string])[] = [
  ['Get', 'GET'],
  ['Create', 'POST'],
  ['Update', 'PATCH'],
  ['Delete', 'DELETE'],
  ['Put', 'PUT'],
];
