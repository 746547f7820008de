// CloudTrail eventSource ("s3.amazonaws.com") -> IAM service prefix ("s3"). The convention is the endpoint's
// short name; the documented exceptions are listed with their source. A source that names no catalogue
// service maps to nothing (the event is then reported as unmapped, never guessed).

import type { IamCatalog } from '../knowledge/catalog';

const RECORD_CONTENTS = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html';

export interface SourceException {
  readonly eventSource: string;
  readonly prefix: string;
  readonly source: string;
}

/** eventSource host names whose short name is not the IAM prefix. */
export const EVENT_SOURCE_EXCEPTIONS: readonly SourceException[] = [
  // "This convention has some exceptions. For example, the eventSource for Amazon CloudWatch is monitoring.amazonaws.com."
  { eventSource: 'monitoring.amazonaws.com', prefix: 'cloudwatch', source: RECORD_CONTENTS },
  // Resource Groups Tagging API: endpoint tagging.<region>.amazonaws.com, actions tag:GetResources etc.
  { eventSource: 'tagging.amazonaws.com', prefix: 'tag', source: 'https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/logging-using-cloudtrail.html' },
  // DynamoDB Streams calls are authorized by dynamodb:GetRecords, dynamodb:GetShardIterator, ...
  { eventSource: 'streams.dynamodb.amazonaws.com', prefix: 'dynamodb', source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/logging-using-cloudtrail.html' },
  // Amazon Lex model-building and runtime endpoints share the lex prefix
  { eventSource: 'models.lex.amazonaws.com', prefix: 'lex', source: 'https://docs.aws.amazon.com/lex/latest/dg/monitoring-aws-lex-cloudtrail.html' },
  { eventSource: 'runtime.lex.amazonaws.com', prefix: 'lex', source: 'https://docs.aws.amazon.com/lex/latest/dg/monitoring-aws-lex-cloudtrail.html' },
  // SageMaker runtime (InvokeEndpoint) is authorized by sagemaker:InvokeEndpoint
  { eventSource: 'runtime.sagemaker.amazonaws.com', prefix: 'sagemaker', source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/logging-using-cloudtrail.html' },
  { eventSource: 'appstream2.amazonaws.com', prefix: 'appstream', source: 'https://docs.aws.amazon.com/appstream2/latest/developerguide/logging-using-cloudtrail.html' },
  { eventSource: 'mturk-requester.amazonaws.com', prefix: 'mechanicalturk', source: 'https://docs.aws.amazon.com/AWSMechTurk/latest/AWSMechanicalTurkRequester/MTurk_CloudTrail.html' },
  { eventSource: 'metering-marketplace.amazonaws.com', prefix: 'aws-marketplace', source: 'https://docs.aws.amazon.com/marketplace/latest/userguide/logging-aws-marketplace-api-calls-with-aws-cloudtrail.html' },
];

const BY_SOURCE = new Map(EVENT_SOURCE_EXCEPTIONS.map((e) => [e.eventSource, e]));

export interface SourceMapping {
  readonly prefix: string;
  /** "convention" (short name = prefix) or the documentation URL of the exception */
  readonly provenance: string;
}

/** The IAM service prefix for an eventSource, or undefined when the catalogue has no such service. */
export function serviceForEventSource(catalog: IamCatalog, eventSource: string): SourceMapping | undefined {
  const lower = eventSource.toLowerCase();
  const exception = BY_SOURCE.get(lower);
  if (exception) return catalog.getService(exception.prefix) ? { prefix: exception.prefix, provenance: exception.source } : undefined;
  if (!lower.endsWith('.amazonaws.com')) return undefined;
  const short = lower.slice(0, -'.amazonaws.com'.length);
  return catalog.getService(short) ? { prefix: short, provenance: 'convention' } : undefined;
}
