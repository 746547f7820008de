// Every rule together over all 1,523 AWS managed policies of the shared corpus (../shared/corpus/aws-managed,
// never copied into the repository), read as what they are: identity policies. No error, except on names the
// bundled data lacks and on real bugs in AWS's own policies, each listed below with its reason. Prints the
// findings per policy and warnings per 1,000 policies (the noise measure of issue 18).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIamLanguageService, ALL_RULES, type Finding } from '../../../server/src/service';
import { testCatalog } from '../../support/catalog';
import { absentFromCatalog, allowedAbsentName as allowedAbsent, unquote, type AbsentName } from '../../support/absentNames';
import { managedCorpusDir, managedCorpusFiles } from '../../support/corpus';

/**
 * Names AWS's managed policies still use that dist/iam-catalog.json does not know (retired services, actions
 * and keys the service authorization reference no longer lists, or not yet). An error whose flagged value is
 * such a name (or a name of such a service) is accepted; each entry is checked below to be really absent.
 */
const ABSENT_FROM_DATA: readonly AbsentName[] = [
  { name: 'deeplens', why: 'AWS DeepLens, retired 2024' },
  { name: 'deepracer', why: 'AWS DeepRacer console, retired; SecurityAudit still lists deepracer:ListModels' },
  { name: 'deepcomposer', why: 'AWS DeepComposer, retired 2025' },
  { name: 'iot1click', why: 'AWS IoT 1-Click, retired 2024' },
  { name: 'iotroborunner', why: 'AWS IoT RoboRunner, retired 2025' },
  { name: 'mobilehub', why: 'AWS Mobile Hub, retired' },
  { name: 'elastic-inference', why: 'Amazon Elastic Inference, retired 2024' },
  { name: 'sumerian', why: 'Amazon Sumerian, retired 2023' },
  { name: 'zocalo', why: 'the pre-launch name of Amazon WorkDocs (retired 2025)' },
  { name: 'crowd', why: 'Amazon Mechanical Turk crowd HTML elements: no service authorization page' },
  { name: 'sagemaker-groundtruth-synthetic', why: 'Ground Truth synthetic data, discontinued' },
  { name: 'catalog-admin', why: 'AWS Service Catalog\'s pre-IAM prefixes, no longer in the reference' },
  { name: 'catalog-user', why: 'AWS Service Catalog\'s pre-IAM prefixes, no longer in the reference' },
  { name: 'applicationwizard', why: 'AWS Launch Wizard console prefix, not in the reference' },
  { name: 'datazonecontrol', why: 'Amazon DataZone console prefix, not in the reference' },
  { name: 'ec2-reports', why: 'retired EC2 usage reports console' },
  { name: 'cloud9:ValidateEnvironmentName', why: 'AWS Cloud9 closed to new customers; the action left the reference' },
  { name: 'qapps:ImportDocumentToQApp', why: 'not (yet) in the Q Apps reference of the bundled data' },
  { name: 'qapps:ImportDocumentToQAppSession', why: 'not (yet) in the Q Apps reference of the bundled data' },
  { name: 'route53-recovery-control-config:DescribeRoutingControlByName', why: 'not in the bundled data' },
  { name: 'memorydb:ReplicateMultiRegionClusterData', why: 'service-role-only action, not in the bundled data' },
  { name: 'cloudhsm:CreateLunaClient', why: 'CloudHSM Classic, retired' },
  { name: 'cloudhsm:DeleteLunaClient', why: 'CloudHSM Classic, retired' },
  { name: 'cloudhsm:DescribeHapg', why: 'CloudHSM Classic, retired' },
  { name: 'cloudhsm:DescribeLunaClient', why: 'CloudHSM Classic, retired' },
  { name: 'cloudhsm:GetConfig', why: 'CloudHSM Classic, retired' },
  { name: 'cloudhsm:ModifyHapg', why: 'CloudHSM Classic, retired' },
  { name: 'cloudhsm:ModifyLunaClient', why: 'CloudHSM Classic, retired' },
  { name: 'sagemaker-unified-studio-mcp:InvokeMcp', why: 'newer than the bundled data' },
  { name: 'sagemaker-unified-studio-mcp:CallReadOnlyTool', why: 'newer than the bundled data' },
  { name: 'sagemaker-unified-studio-mcp:CallPrivilegedTool', why: 'newer than the bundled data' },
  { name: 'securityagent:ListAgentInstances', why: 'AWS Security Agent preview: the policy is newer than the bundled data' },
  { name: 'securityagent:ListControls', why: 'AWS Security Agent preview' },
  { name: 'securityagent:BatchGetAgentInstances', why: 'AWS Security Agent preview' },
  { name: 'securityagent:BatchGetSecurityTestContentMetadata', why: 'AWS Security Agent preview' },
  { name: 'securityagent:BatchGetTasks', why: 'AWS Security Agent preview' },
  { name: 'securityagent:CreateDocumentReview', why: 'AWS Security Agent preview' },
  { name: 'securityagent:DeleteDocumentReview', why: 'AWS Security Agent preview' },
  { name: 'securityagent:GetCodeReviewTask', why: 'AWS Security Agent preview' },
  { name: 'securityagent:GetDocReviewTask', why: 'AWS Security Agent preview' },
  { name: 'securityagent:GetDocumentReview', why: 'AWS Security Agent preview' },
  { name: 'securityagent:GetDocumentReviewArtifact', why: 'AWS Security Agent preview' },
  { name: 'securityagent:ListDocumentReviewComments', why: 'AWS Security Agent preview' },
  { name: 'securityagent:ListDocumentReviews', why: 'AWS Security Agent preview' },
  { name: 'securityagent:ListTasks', why: 'AWS Security Agent preview' },
  { name: 'securityagent:StartPentestExecution', why: 'AWS Security Agent preview' },
  { name: 'securityagent:StopPentestExecution', why: 'AWS Security Agent preview' },
  { name: 'servicecatalog:GetTagOptionMigrationStatus', why: 'retired TagOption migration' },
  { name: 'servicecatalog:AccountLevelDescribeRecord', why: 'not in the bundled data' },
  { name: 'servicecatalog:AccountLevelListRecordHistory', why: 'not in the bundled data' },
  { name: 'servicecatalog:AccountLevelScanProvisionedProducts', why: 'not in the bundled data' },
  { name: 'lakeformation:GlueARN', why: 'condition key not in the Lake Formation reference of the bundled data' },
  { name: 'aws:PrincipalOrgMasterAccountId', why: 'an undocumented global key only AWSSSOServiceRolePolicy uses' },
];

/**
 * Real bugs in AWS's own policies: the error is true. "file|CODE|value as written (JSON quotes kept)".
 * Each must still be found (a rule change that silences one makes the last test say so).
 */
const AWS_BUGS: ReadonlyArray<{ readonly finding: string; readonly why: string }> = [
  ...['AmazonApplicationWizardFullaccess', 'AmazonLaunchWizardFullaccess'].flatMap((p) => {
    const name = p.startsWith('AmazonApplication') ? 'ApplicationWizard' : 'LaunchWizard';
    return [
      { finding: `${p}.json|MISSING_ARN_REGION|"arn:aws:logs:::log-group:${name}*"`, why: 'CloudWatch Logs ARNs need a Region: this ARN matches no log group' },
      { finding: `${p}.json|MISSING_ARN_REGION|"arn:aws:cloudformation:::stack/${name}*/"`, why: 'CloudFormation stack ARNs need a Region: this ARN matches no stack' },
      { finding: `${p}.json|MISSING_ARN_ACCOUNT|"arn:aws:logs:::log-group:${name}*"`, why: 'the same ARN has no account either: CloudWatch Logs ARNs need one' },
      { finding: `${p}.json|MISSING_ARN_ACCOUNT|"arn:aws:cloudformation:::stack/${name}*/"`, why: 'the same ARN has no account either: CloudFormation stack ARNs need one' },
    ];
  }),
  { finding: 'AmazonApplicationWizardFullaccess.json|INVALID_ACTION|"ssm:RemoveTagsToResource"', why: 'a typo of ssm:RemoveTagsFromResource' },
  { finding: 'AmazonLaunchWizardFullaccess.json|INVALID_ACTION|"s3:ListBuckets"', why: 'an API name; the IAM action is s3:ListAllMyBuckets' },
  { finding: 'AmazonLaunchWizardFullaccess.json|INVALID_ACTION|"s3:ListObjects"', why: 'an API name; the IAM action is s3:ListBucket' },
  { finding: 'AmazonLaunchWizardFullaccess.json|INVALID_ACTION|"s3:ListObjectsV2"', why: 'an API name; the IAM action is s3:ListBucket' },
];

const DIR = managedCorpusDir();
const FILES = managedCorpusFiles();
const SKIP = DIR ? false : 'the shared AWS managed-policy corpus (../shared/corpus/aws-managed) is not on this machine';

interface Located extends Finding {
  readonly file: string;
  readonly value: string;
}

const service = createIamLanguageService({ catalog: testCatalog(), rules: ALL_RULES, rethrow: true });

function findingsOf(path: string): Located[] {
  const file = basename(path);
  const text = readFileSync(path, 'utf8');
  // AWS managed policies are identity policies by definition; their names ("S3UnlockBucketPolicy",
  // "…ResourceControlAccess") would otherwise announce a bucket policy or an RCP
  const parsed = service.parse(TextDocument.create(`file:///corpus/${file}`, 'json', 1, text), { policyType: 'identity' });
  return service.findings(parsed).map((f) => ({ ...f, file, value: text.slice(f.span.offset, f.span.offset + f.span.length) }));
}

const ALL = FILES.map((path) => ({ file: basename(path), findings: findingsOf(path) }));
const FINDINGS = ALL.flatMap((p) => p.findings);
const bugs = new Set(AWS_BUGS.map((b) => b.finding));
const key = (f: Located): string => `${f.file}|${f.code}|${f.value}`;
const describe = (f: Located): string => `${f.file}: ${f.code} ${f.severity} ${f.value}: ${f.message}`;

const allowedAbsentName = (value: string): boolean => allowedAbsent(ABSENT_FROM_DATA, value);

test('the managed corpus is there: 1,500+ policies, each valid JSON', { skip: SKIP }, () => {
  assert.ok(FILES.length >= 1500, `expected 1,500+ managed policies in ${DIR}, found ${FILES.length}`);
  for (const f of FILES) assert.doesNotThrow(() => JSON.parse(readFileSync(f, 'utf8')), f);
});

test('no error on any AWS managed policy, except absent names and AWS\'s own bugs (listed)', { skip: SKIP }, () => {
  const errors = FINDINGS.filter((f) => f.severity === 'error' && !bugs.has(key(f)) && !allowedAbsentName(f.value));
  assert.deepEqual(errors.map(describe), []);
});

test('every allow-listed name is absent from the bundled data and used by the corpus', { skip: SKIP }, () => {
  const flagged = new Set(FINDINGS.filter((f) => f.severity === 'error').map((f) => unquote(f.value).toLowerCase()));
  for (const { name } of ABSENT_FROM_DATA) {
    assert.ok(absentFromCatalog(name) || !name.includes(':') && !testCatalog().getService(name), `${name} is in the bundled data now: drop it from ABSENT_FROM_DATA`);
    const n = name.toLowerCase();
    assert.ok([...flagged].some((v) => v === n || v.startsWith(`${n}:`)), `${name} is no longer flagged anywhere: drop it from ABSENT_FROM_DATA`);
  }
});

test('every listed AWS bug is still found (the list is not stale)', { skip: SKIP }, () => {
  const found = new Set(FINDINGS.map(key));
  assert.deepEqual(AWS_BUGS.filter((b) => !found.has(b.finding)).map((b) => `${b.finding}: ${b.why}`), []);
});

test('noise on the managed corpus (printed: findings per policy, warnings per 1,000 policies)', { skip: SKIP }, (t) => {
  const warnings = FINDINGS.filter((f) => f.severity === 'warning').length;
  const clean = ALL.filter((p) => p.findings.length === 0).length;
  const per1000 = Math.round((warnings * 1000) / FILES.length);
  t.diagnostic(`${FILES.length} policies, ${FINDINGS.length} findings (${(FINDINGS.length / FILES.length).toFixed(2)} per policy), ${warnings} warnings (${per1000} per 1,000 policies), ${clean} with no finding`);
  // the rules do fire (the test is not vacuous)
  const codes = new Set(FINDINGS.map((f) => f.code));
  for (const code of ['RESOURCE_STAR', 'SERVICE_WILDCARD', 'INVALID_ACTION']) assert.ok(codes.has(code), `${code} never fired`);
});
