// An independent check of the hand-labelled mapping fixture (test/fixtures/generate/mapping.tsv, written by the
// same hand as the mapping tables) against AWS's own API models: botocore's service definitions (Apache-2.0,
// extracted by test/fixtures/generate/buildBotocoreOperations.py into botocore-operations.tsv with their
// version). For each eventSource the models whose endpointPrefix or signingName is its host name give the API
// operations; a labelled eventName must be one of them (after Lambda's/CloudFront's API-version suffix), and its
// labelled action must be the catalogue action of the same name unless the mapping tables say otherwise with a
// source. The measured agreement is printed; disagreements must each be explained by a listed reason.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, testCatalog } from '../../support/catalog';
import { EVENT_SOURCE_EXCEPTIONS, mapEvent, serviceForEventSource } from '../../../server/src/service/generate';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'generate');

interface Row {
  eventSource: string;
  eventName: string;
  expected: string[];
}

function rows(): Row[] {
  return readFileSync(join(FIXTURES, 'mapping.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [eventSource, eventName, expected] = l.split('\t') as [string, string, string];
      return { eventSource, eventName, expected: expected === '-' ? [] : expected.split(',') };
    });
}

interface Model {
  endpointPrefix: string;
  signingName: string;
  service: string;
  operations: Set<string>;
}

const BOTOCORE = (): string[] => readFileSync(join(FIXTURES, 'botocore-operations.tsv'), 'utf8').split('\n');

function models(): Model[] {
  return BOTOCORE()
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('@'))
    .map((l) => {
      const [endpointPrefix, signingName, service, , ops] = l.split('\t') as [string, string, string, string, string];
      return { endpointPrefix, signingName, service, operations: new Set(ops.split(' ')) };
    });
}

/** IAM actions each operation's own documentation names, by "host operation" (host: endpointPrefix and signingName). */
function mentions(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const l of BOTOCORE()) {
    if (!l.startsWith('@\t')) continue;
    const [, endpointPrefix, signingName, , op, actions] = l.split('\t') as [string, string, string, string, string, string];
    for (const host of [endpointPrefix, signingName]) {
      const key = `${host} ${op}`;
      const set = out.get(key) ?? new Set<string>();
      for (const a of actions.split(' ')) set.add(a.toLowerCase());
      out.set(key, set);
    }
  }
  return out;
}

/** The operation behind an event name: Lambda's "CreateFunction20150331" and CloudFront's "...2020_05_31" version suffixes removed. */
const operationOf = (eventName: string): string => eventName.replace(/(\d{8}|\d{4}_\d{2}_\d{2})(v\d+)?$/, '');

function analyse() {
  const catalog = testCatalog();
  const all = models();
  const byHost = (host: string): Model[] => all.filter((m) => m.endpointPrefix === host || m.signingName === host);
  const named = mentions();
  const out = { tableRows: 0, tableRowsDocConfirmed: 0, docChecked: 0, docLabels: 0, docConfirmed: 0, docMissing: [] as string[], labelled: 0, isOperation: 0, sameName: 0, notOperation: [] as string[], otherName: [] as string[], noModel: [] as string[], unmappedOps: [] as string[], prefixVsSigning: new Set<string>(), provenance: [] as string[], mapperAgrees: 0, mapperChecked: 0 };
  for (const r of rows()) {
    const host = r.eventSource.replace(/\.amazonaws\.com$/, '');
    const ms = byHost(host);
    const op = operationOf(r.eventName);
    const isOp = ms.some((m) => m.operations.has(op));
    if (r.expected.length === 0) {
      // labelled "no action": if the API has the operation and the catalogue an action of that name, the label is suspect
      const prefix = serviceForEventSource(catalog, r.eventSource)?.prefix;
      if (isOp && prefix && catalog.getAction(`${prefix}:${op}`)) out.unmappedOps.push(`${r.eventSource} ${r.eventName}`);
      continue;
    }
    out.labelled++;
    if (ms.length === 0) {
      out.noModel.push(r.eventSource);
      continue;
    }
    if (!isOp) {
      out.notOperation.push(`${r.eventSource} ${r.eventName}`);
      continue;
    }
    out.isOperation++;
    // the operation's documentation names permissions of its own service: the labels should be among them
    const doc = named.get(`${host} ${op}`);
    const ownPrefix = r.expected[0]!.split(':')[0]!.toLowerCase();
    const docConfirms = doc !== undefined && r.expected.every((a) => doc.has(a.toLowerCase()));
    if (doc && [...doc].some((a) => a.startsWith(`${ownPrefix}:`))) {
      out.docChecked++;
      for (const a of r.expected) {
        out.docLabels++;
        if (doc.has(a.toLowerCase())) out.docConfirmed++;
        else out.docMissing.push(`${r.eventSource} ${r.eventName} -> ${a} (documentation names ${[...doc].join(', ')})`);
      }
    }
    const labelPrefix = r.expected[0]!.split(':')[0]!;
    for (const m of ms) if (m.signingName !== labelPrefix) out.prefixVsSigning.add(`${r.eventSource} (signingName ${m.signingName}) -> ${labelPrefix}`);
    // the independent label: the catalogue action named like the API operation
    const independent = catalog.getAction(`${labelPrefix}:${op}`)?.fullName;
    const got = mapEvent(catalog, r.eventSource, r.eventName);
    if (independent && r.expected.length === 1 && r.expected[0]!.toLowerCase() === independent.toLowerCase()) {
      out.sameName++;
      out.mapperChecked++;
      if (got.mapped && got.actions.length === 1 && got.actions[0]!.toLowerCase() === independent.toLowerCase()) out.mapperAgrees++;
    } else {
      out.tableRows++;
      if (docConfirms) out.tableRowsDocConfirmed++;
      out.otherName.push(`${r.eventSource} ${r.eventName} -> ${r.expected.join(',')}${independent ? ` (same-name action ${independent} exists)` : ''}`);
      out.provenance.push(`${r.eventSource} ${r.eventName}: ${got.mapped ? got.provenance.kind : 'unmapped'}`);
    }
  }
  return out;
}

// Labelled events that are not API operations of the service's model, each with what is known.
const NOT_OPERATIONS: Readonly<Record<string, string>> = {
  // The S3 API operations are Get/Put/DeletePublicAccessBlock; their API reference requires the
  // s3:Get/PutBucketPublicAccessBlock permission (https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeletePublicAccessBlock.html).
  // The fixture rows spell the event like the permission, as third-party detection rules do; the AWS pages found
  // do not settle which spelling CloudTrail logs. The API spelling stays unmapped (reported, never guessed):
  // S3 Control's account-level PutPublicAccessBlock needs s3:PutAccountPublicAccessBlock instead.
  's3.amazonaws.com GetBucketPublicAccessBlock': 'spelt like the permission; not settled by the docs',
  's3.amazonaws.com PutBucketPublicAccessBlock': 'spelt like the permission; not settled by the docs',
  's3.amazonaws.com DeleteBucketPublicAccessBlock': 'spelt like the permission; not settled by the docs',
  // git over HTTPS/SSH, not an API operation: the Service Authorization Reference lists codecommit:GitPull/GitPush
  // as permissions only (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodecommit.html)
  'codecommit.amazonaws.com GitPull': 'git protocol, a permission without an API operation',
  'codecommit.amazonaws.com GitPush': 'git protocol, a permission without an API operation',
};

// Labels the operation's documentation does not name, where it names only a related permission or condition key
// (the label is the action of the operation's own name, which the same-name check confirms)
const DOC_NAMES_OTHERS = new Set([
  'iam.amazonaws.com AddRoleToInstanceProfile -> iam:AddRoleToInstanceProfile',
  'organizations.amazonaws.com CreatePolicy -> organizations:CreatePolicy',
  'redshift.amazonaws.com GetClusterCredentials -> redshift:GetClusterCredentials',
  'config.amazonaws.com DescribeComplianceByConfigRule -> config:DescribeComplianceByConfigRule',
]);

test('independent ground truth: the fixture against the AWS API models (botocore) and their documentation', () => {
  const a = analyse();
  // a summary of the measurement, for the record
  console.log(
    `mapping fixture vs botocore: ${a.isOperation}/${a.labelled} labelled event names are API operations of their eventSource's models; ` +
      `${a.sameName} rows labelled independently (API operation + catalogue action of the same name): fixture and mapper agree on ${a.mapperAgrees}/${a.mapperChecked}; ` +
      `${a.tableRows} rows rest on the sourced mismatch tables, ${a.tableRowsDocConfirmed} of them confirmed by the operation's own documentation; ` +
      `documentation-named permissions confirm ${a.docConfirmed}/${a.docLabels} labels`,
  );
  assert.deepEqual(a.noModel, [], 'every labelled eventSource is the endpoint or signing name of an API model');
  assert.deepEqual(a.notOperation.filter((k) => !(k in NOT_OPERATIONS)), [], 'labelled events that are no API operation, unexplained');
  assert.equal(a.mapperAgrees, a.mapperChecked, 'on the independently labelled rows the mapper gives the same-named action');
  // where the label is not the same-named action, the mapper got it from a table entry with a source (or API
  // Gateway's HTTP-verb rule), never from the same-name rule
  assert.deepEqual(a.provenance.filter((p) => !/: (table|httpVerb)$/.test(p)), []);
  assert.deepEqual(a.unmappedOps, [], 'a row labelled "no action" whose API operation has a same-named catalogue action');
  // the IAM prefix differs from the models' signing name only where the eventSource exceptions table says so
  const exceptions = new Set(EVENT_SOURCE_EXCEPTIONS.map((e) => e.eventSource));
  assert.deepEqual([...a.prefixVsSigning].filter((p) => !exceptions.has(p.split(' ')[0]!)), []);
  assert.deepEqual(a.docMissing.map((m) => m.replace(/ \(documentation names .*\)$/, '')).filter((m) => !DOC_NAMES_OTHERS.has(m)), []);
});
