// Helpers for reading a CloudTrail record defensively (a record is untrusted JSON and any field may be
// missing or of the wrong type): JSON types, field access, denied error codes, a Region's partition, the
// account. GenerateAggregator.add reads the caller, time, type and category itself (once per record). Does
// not parse JSON itself.

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
 * Error codes meaning the caller lacked permission (CloudTrail logs the service's own code: AccessDenied for S3,
 * AccessDeniedException for most JSON APIs, Client.UnauthorizedOperation / UnauthorizedOperation for EC2).
 */
const DENIED = new Set(['accessdenied', 'accessdeniedexception', 'unauthorizedoperation', 'client.unauthorizedoperation', 'unauthorizedaccess', 'unauthorizedexception', 'authorizationerror', 'authorizationerrorexception', 'notauthorized', 'notauthorizedexception', 'forbidden', 'forbiddenexception', 'accessdenied.kms', 'kmsaccessdeniedexception']);

export function isDenied(errorCode: string | undefined): boolean {
  return errorCode !== undefined && DENIED.has(errorCode.toLowerCase());
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
