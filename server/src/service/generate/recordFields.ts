// The top-level fields of a CloudTrail record that generation reads. The log reader parses only these (the
// others, such as userAgent, tlsDetails and additionalEventData, are skipped before JSON.parse), so a module
// here that starts reading another field must add it to this list; a test checks the list against what the
// aggregator really reads.

export const RECORD_FIELDS: readonly string[] = [
  'userIdentity',
  'eventTime',
  'eventSource',
  'eventName',
  'awsRegion',
  'errorCode',
  'requestParameters',
  'responseElements',
  'resources',
  'eventType',
  'eventCategory',
  'managementEvent',
  'recipientAccountId',
];
