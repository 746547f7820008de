// arnAnalysis's templateRest (the text after a template's spanFrom-th colon, read without splitting the template)
// against the split template's fields joined by ":", for every resource type of the catalog and odd templates.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ResourceTypeInfo } from '../../../server/src/service/knowledge/catalog';
import { splitArnTemplate } from '../../../server/src/service/knowledge/arnTemplate';
import { templateRest } from '../../../server/src/service/rules/resource/arnAnalysis';
import { testCatalog } from '../../support/catalog';

function joined(t: ResourceTypeInfo, spanFrom: number): string {
  return [t.template.region, t.template.account, t.template.resource].slice(spanFrom - 3).join(':');
}

test('templateRest equals the split fields joined by ":" for every catalog resource type', () => {
  const types = [...testCatalog().services.values()].flatMap((s) => [...s.resourceTypes.values()]);
  assert.ok(types.length > 1000);
  for (const t of types) for (const spanFrom of [3, 4, 5]) assert.equal(templateRest(t, spanFrom), joined(t, spanFrom), `${t.arn} from field ${spanFrom}`);
});

test('templateRest takes the split fallback for templates that are not six-field ARNs', () => {
  for (const arn of ['arn:${Partition}:s3:::${BucketName}', 'ARN:aws:iam::${Account}:role/${Name}', 'arnx:a:b:c:d:e', 'ar:a:b:c:d:e', 'arn:a:b', '${Arn}', 'arn:a:b:c:d:e:f:g', ':::::', 'arn::::', 'arn:::::']) {
    const t = { arn, template: splitArnTemplate(arn) } as unknown as ResourceTypeInfo;
    for (const spanFrom of [3, 4, 5]) assert.equal(templateRest(t, spanFrom), joined(t, spanFrom), `${arn} from field ${spanFrom}`);
  }
});
