// The fields of a CloudTrail record that generation reads. The log reader parses only these: the others (such as
// userAgent, tlsDetails, additionalEventData, and userIdentity's principalId, accessKeyId and session
// attributes) become spaces before JSON.parse. A module here that starts reading another field must add it to
// this tree; `recordFields.test.ts` checks the tree against what the aggregator really reads.

/** `true` keeps a field whole; an object keeps only the listed fields of an object value. */
export interface RecordFieldTree {
  readonly [name: string]: true | RecordFieldTree;
}

export const RECORD_FIELDS: RecordFieldTree = {
  userIdentity: { arn: true, invokedBy: true, accountId: true, sessionContext: { sessionIssuer: { arn: true } } },
  eventTime: true,
  eventSource: true,
  eventName: true,
  awsRegion: true,
  errorCode: true,
  requestParameters: true,
  responseElements: true,
  resources: true,
  eventType: true,
  eventCategory: true,
  managementEvent: true,
  recipientAccountId: true,
};
