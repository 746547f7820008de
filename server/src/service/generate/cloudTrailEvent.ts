// Reading the few fields of one CloudTrail record that generation needs (userIdentity, time, source, name,
// error, resources, request parameters), defensively: a record is untrusted JSON and any field may be missing
// or of the wrong type. Does not parse JSON itself.

import { PARTITIONS } from '../knowledge/partitions';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(o: JsonObject | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * The IAM identity whose permissions the call used: for an assumed role the role itself
 * (userIdentity.sessionContext.sessionIssuer.arn, CloudTrail userIdentity element), else the user's ARN;
 * AWS services are named by invokedBy, an account by its id.
 */
export function principalOf(record: JsonObject): string | undefined {
  const ui = record['userIdentity'];
  if (!isObject(ui)) return undefined;
  const ctx = ui['sessionContext'];
  const issuer = isObject(ctx) ? ctx['sessionIssuer'] : undefined;
  const issuerArn = isObject(issuer) ? str(issuer, 'arn') : undefined;
  if (issuerArn) return issuerArn;
  return str(ui, 'arn') ?? str(ui, 'invokedBy') ?? str(ui, 'accountId');
}

/** The principal's ARN as logged (the assumed-role session ARN for roles), to match --principal against too. */
export function identityArnOf(record: JsonObject): string | undefined {
  const ui = record['userIdentity'];
  return isObject(ui) ? str(ui, 'arn') : undefined;
}

/**
 * Error codes meaning the caller lacked permission (CloudTrail logs the service's own code: AccessDenied for S3,
 * AccessDeniedException for most JSON APIs, Client.UnauthorizedOperation / UnauthorizedOperation for EC2).
 */
const DENIED = new Set(['accessdenied', 'accessdeniedexception', 'unauthorizedoperation', 'client.unauthorizedoperation', 'unauthorizedaccess', 'unauthorizedexception', 'authorizationerror', 'authorizationerrorexception', 'notauthorized', 'notauthorizedexception', 'forbidden', 'forbiddenexception', 'accessdenied.kms', 'kmsaccessdeniedexception']);

export function isDenied(errorCode: string | undefined): boolean {
  return errorCode !== undefined && DENIED.has(errorCode.toLowerCase());
}

/** eventType values that are calls made with the principal's permissions (not sign-ins, service or Insights events). */
export function isApiCall(record: JsonObject): boolean {
  const type = str(record, 'eventType');
  return type === undefined || type === 'AwsApiCall';
}

/** Data events (S3 object, Lambda Invoke, DynamoDB item calls) are off in trails by default. */
export function isDataEvent(record: JsonObject): boolean {
  return str(record, 'eventCategory') === 'Data' || record['managementEvent'] === false;
}

export function partitionOfRegion(region: string | undefined): string {
  if (!region) return 'aws';
  for (const p of PARTITIONS) if (p.regions.includes(region)) return p.id;
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function accountOf(record: JsonObject): string | undefined {
  const ui = record['userIdentity'];
  return str(record, 'recipientAccountId') ?? (isObject(ui) ? str(ui, 'accountId') : undefined);
}
