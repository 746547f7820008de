// The ARN shape of CloudFormation values (cfnShapes.ts + resolveIntrinsics.ts) and the one-segment wildcard
// knowledge/arnMatch.ts reads in it: what a placeholder can hold decides whether an action can mismatch.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/service/parser/parseDocument';
import { templateOf } from '../../../server/src/service/parser/containers/templateValue';
import { SEGMENT, displayShape } from '../../../server/src/service/parser/containers/cfnShapes';
import { patternsOverlap, arnMatchesTemplate } from '../../../server/src/service/knowledge/arnMatch';

function shapes(resources: string, parameters = ''): Array<string | undefined> {
  const text = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Name:
    Type: String
  Path:
    Type: String
    Default: a/b
  Choice:
    Type: String
    AllowedValues: [x, "arn:aws:s3:::y"]
  Ids:
    Type: List<AWS::EC2::Subnet::Id>
${parameters}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource:
${resources}
`;
  const doc = parseDocument(text, { uri: 'file:///t.yaml' });
  const el = doc.policies[0]!.statements[0]!.resource!;
  return (el.value!.children ?? []).map((n) => {
    const s = templateOf(n)?.shape;
    return s === undefined ? undefined : displayShape(s);
  });
}

test('placeholders that hold one segment: pseudo parameters, scalar parameters, Ref of a name-returning type', () => {
  assert.deepEqual(
    shapes(['              - !Sub arn:${AWS::Partition}:s3:::${Name}', '              - !Sub arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${Bucket}', '              - !Join ["", ["arn:aws:s3:::", !Ref Bucket, "/*"]]'].join('\n')),
    ['arn:aws:s3:::…', 'arn:aws:sqs:…:…:…', 'arn:aws:s3:::…/*'],
  );
});

test('placeholders that may hold "/" or ":" stay wildcards: Default or AllowedValues with one, lists, unknown names, URLs', () => {
  assert.deepEqual(
    shapes(['              - !Sub arn:aws:s3:::${Path}', '              - !Sub arn:aws:s3:::${Choice}', '              - !Sub arn:aws:s3:::${Nowhere}', '              - !Sub arn:aws:s3:::${Queue}', '              - !Sub arn:aws:s3:::${Bucket.DomainName}'].join('\n')),
    // no shape beyond the `*` form: nothing is marked
    [undefined, undefined, undefined, undefined, undefined],
  );
});

test('!GetAtt X.Arn, ${X.Arn} and Ref of an ARN-returning type have the type\'s ARN shape', () => {
  assert.deepEqual(
    shapes(['              - !GetAtt Queue.Arn', '              - !Sub ${Bucket.Arn}/*', '              - !Ref Topic', '              - !GetAtt Queue.QueueName'].join('\n')),
    ['arn:…:sqs:…:…:…', 'arn:…:s3:::…/*', 'arn:…:sns:…:…:…', undefined],
  );
});

test('a Fn::Sub variable map shadows parameters, and its values have shapes too', () => {
  assert.deepEqual(shapes(['              - !Sub', '                - arn:aws:s3:::${Path}', '                - Path: !Ref Bucket'].join('\n')), ['arn:aws:s3:::…']);
});

test('the one-segment wildcard never spans "/" or ":"', () => {
  assert.equal(patternsOverlap(`arn:aws:s3:::${SEGMENT}`, 'arn:aws:s3:::b'), true);
  assert.equal(patternsOverlap(`arn:aws:s3:::${SEGMENT}`, 'arn:aws:s3:::b/k'), false);
  assert.equal(patternsOverlap(`arn:aws:s3:::${SEGMENT}`, 'arn:aws:s3:::*'), true);
  assert.equal(patternsOverlap(`arn:aws:s3:::${SEGMENT}/*`, 'arn:aws:s3:::b/k/l'), true);
  assert.equal(patternsOverlap(`arn:aws:iam::1:${SEGMENT}/x`, 'arn:aws:iam::1:role/x'), true);
  assert.equal(arnMatchesTemplate(`arn:aws:s3:::${SEGMENT}`, 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'), false);
  assert.equal(arnMatchesTemplate(`arn:aws:s3:::${SEGMENT}/*`, 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'), true);
  assert.equal(arnMatchesTemplate(`arn:${SEGMENT}:sqs:${SEGMENT}:${SEGMENT}:${SEGMENT}`, 'arn:${Partition}:sqs:${Region}:${Account}:${QueueName}'), true);
});
