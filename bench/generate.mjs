// Log generator for the `generate` bench: realistic CloudTrail log files (Records arrays of management and
// data events from several principals and services, random ids and times as in real logs), gzipped like
// delivered logs. Files are written to a temporary folder at bench time; nothing large is committed.

import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

function prng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const ACCOUNT = '111122223333';
const hex = (rand, n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const uuid = (rand) => `${hex(rand, 8)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 12)}`;

const CALLS = [
  ['s3.amazonaws.com', 'GetObject', (r, i) => ({ bucketName: `bucket-${i % 7}`, key: `data/${i % 97}/part-${i}.json`, Host: `bucket-${i % 7}.s3.amazonaws.com` }), true],
  ['s3.amazonaws.com', 'PutObject', (r, i) => ({ bucketName: `bucket-${i % 7}`, key: `out/${i % 31}/obj-${i}.bin`, Host: `bucket-${i % 7}.s3.amazonaws.com` }), true],
  ['s3.amazonaws.com', 'ListObjects', (r, i) => ({ bucketName: `bucket-${i % 7}`, prefix: 'data/', Host: `bucket-${i % 7}.s3.amazonaws.com` }), true],
  ['s3.amazonaws.com', 'ListBuckets', () => ({ Host: 's3.amazonaws.com' }), false],
  ['ec2.amazonaws.com', 'DescribeInstances', () => ({ instancesSet: {}, filterSet: {} }), false],
  ['ec2.amazonaws.com', 'StartInstances', (r, i) => ({ instancesSet: { items: [{ instanceId: `i-${(i % 50).toString(16).padStart(17, '0')}` }] } }), false],
  ['kms.amazonaws.com', 'Decrypt', (r, i) => ({ encryptionAlgorithm: 'SYMMETRIC_DEFAULT', keyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${['1234abcd-12ab-34cd-56ef-1234567890ab', '0987dcba-09fe-87dc-65ba-ab0987654321'][i % 2]}` }), false],
  ['sts.amazonaws.com', 'AssumeRole', (r, i) => ({ roleArn: `arn:aws:iam::${ACCOUNT}:role/app-${i % 9}`, roleSessionName: `s-${hex(r, 8)}`, durationSeconds: 3600 }), false],
  ['lambda.amazonaws.com', 'GetFunction20150331v2', (r, i) => ({ functionName: `fn-${i % 13}` }), false],
  ['lambda.amazonaws.com', 'Invoke', (r, i) => ({ functionName: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:fn-${i % 13}` }), true],
  ['dynamodb.amazonaws.com', 'GetItem', (r, i) => ({ tableName: `table-${i % 5}`, key: { id: { S: hex(r, 12) } } }), true],
  ['logs.amazonaws.com', 'CreateLogStream', (r, i) => ({ logGroupName: `/aws/lambda/fn-${i % 13}`, logStreamName: `2026/01/15/[$LATEST]${hex(r, 32)}` }), false],
  ['sqs.amazonaws.com', 'SendMessage', (r, i) => ({ queueUrl: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/queue-${i % 4}`, messageBody: 'HIDDEN_DUE_TO_SECURITY_REASONS' }), true],
  ['secretsmanager.amazonaws.com', 'GetSecretValue', (r, i) => ({ secretId: `prod/app-${i % 3}` }), false],
  ['monitoring.amazonaws.com', 'PutMetricData', () => ({ namespace: 'App', metricData: [{ metricName: 'Latency', value: 12.5, unit: 'Milliseconds' }] }), false],
  ['iam.amazonaws.com', 'GetRole', (r, i) => ({ roleName: `app-${i % 9}` }), false],
];

function record(rand, i, t) {
  const [source, name, params, data] = CALLS[Math.floor(rand() * CALLS.length)];
  const who = Math.floor(rand() * 12);
  const roleName = `role-${who}`;
  const denied = rand() < 0.02;
  return {
    eventVersion: '1.10',
    userIdentity: {
      type: 'AssumedRole',
      principalId: `AROA${hex(rand, 16).toUpperCase()}:session-${who}`,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/session-${who}`,
      accountId: ACCOUNT,
      accessKeyId: `ASIA${hex(rand, 16).toUpperCase()}`,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: `AROA${who}EXAMPLE`, arn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`, accountId: ACCOUNT, userName: roleName },
        attributes: { creationDate: new Date(t - 600000).toISOString().replace(/\.\d+Z$/, 'Z'), mfaAuthenticated: 'false' },
      },
    },
    eventTime: new Date(t).toISOString().replace(/\.\d+Z$/, 'Z'),
    eventSource: source,
    eventName: name,
    awsRegion: 'us-east-1',
    sourceIPAddress: `198.51.100.${Math.floor(rand() * 250)}`,
    userAgent: ['aws-sdk-js/3.540.0 ua/2.0 os/linux lang/js md/nodejs#20.11.0', 'aws-cli/2.15.30 Python/3.11.8 Linux/6.1', 'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0'][i % 3],
    ...(denied ? { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform this operation' } : {}),
    requestParameters: params(rand, i),
    responseElements: null,
    additionalEventData: data ? { SignatureVersion: 'SigV4', CipherSuite: 'TLS_AES_128_GCM_SHA256', bytesTransferredIn: 0, AuthenticationMethod: 'AuthHeader', 'x-amz-id-2': hex(rand, 60) } : undefined,
    requestID: hex(rand, 16).toUpperCase(),
    eventID: uuid(rand),
    readOnly: !/^(Put|Create|Start|Send)/.test(name),
    ...(data ? { resources: [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::bucket-${i % 7}/data/${i}` }] } : {}),
    eventType: 'AwsApiCall',
    managementEvent: !data,
    recipientAccountId: ACCOUNT,
    eventCategory: data ? 'Data' : 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${source.split('.')[0]}.us-east-1.amazonaws.com` },
  };
}

/**
 * Writes `distinct` different log files of `recordsPerFile` records, then copies them until the folder holds
 * at least `targetBytes` of gzip. Returns {files, gzBytes, records}.
 */
export function writeLogs(dir, { targetBytes, distinct = 8, recordsPerFile = 5000, seed = 7 }) {
  mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const originals = [];
  let t = Date.parse('2026-01-01T00:00:00Z');
  for (let f = 0; f < distinct; f++) {
    const records = [];
    for (let i = 0; i < recordsPerFile; i++) records.push(record(rand, f * recordsPerFile + i, (t += Math.floor(rand() * 2000))));
    const path = join(dir, `${ACCOUNT}_CloudTrail_us-east-1_20260101T${String(f).padStart(4, '0')}Z_${hex(rand, 16)}.json.gz`);
    writeFileSync(path, gzipSync(JSON.stringify({ Records: records })));
    originals.push(path);
  }
  let gzBytes = 0;
  let files = 0;
  for (const p of originals) (gzBytes += statSync(p).size), files++;
  let copy = 0;
  while (gzBytes < targetBytes) {
    const src = originals[copy % originals.length];
    const dst = join(dir, `copy-${String(copy).padStart(5, '0')}-${src.split('/').pop()}`);
    copyFileSync(src, dst);
    gzBytes += statSync(dst).size;
    files++;
    copy++;
  }
  return { files, gzBytes, records: files * recordsPerFile };
}
