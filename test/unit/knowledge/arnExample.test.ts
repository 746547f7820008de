// arnExample (a scan) against the regular-expression form it replaced, on every catalog ARN template and on
// seeded templates and placeholder names (runs of capitals, digits, odd braces).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arnExample, FIXED, upperSnake } from '../../../server/src/service/knowledge/arnExample';
import { testCatalog } from '../../support/catalog';
import { prng } from '../../support/policyGenerator';

/** The regular-expression forms arnExample and upperSnake replaced: the reference. */
function arnExampleByRegExp(template: string): string {
  return template.replace(/\$\{([A-Za-z0-9]+)\}/g, (_m, name: string) => FIXED[name] ?? upperSnakeByRegExp(name));
}

function upperSnakeByRegExp(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toUpperCase();
}

test('arnExample agrees with the regular-expression form on every catalog template', () => {
  const templates = [...testCatalog().services.values()].flatMap((s) => [...s.resourceTypes.values()].map((t) => t.arn));
  assert.ok(templates.length > 1000);
  for (const t of templates) assert.equal(arnExample(t), arnExampleByRegExp(t), t);
  assert.equal(arnExample('arn:${Partition}:rds:${Region}:${Account}:db:${DBInstanceName}'), 'arn:aws:rds:us-east-1:123456789012:db:DB_INSTANCE_NAME');
});

test('arnExample and upperSnake agree with the regular-expression forms on seeded text', () => {
  const random = prng(5);
  const pieces = ['${', '}', '$', '{', 'a', 'B', 'C', 'd', '1', '-', ':', '/', '${Partition}', '${Region}', '${Account}', '${DBName}', '${abc}', '${A1b}', '${a-b}', '${}', 'constructor'];
  for (let n = 0; n < 20_000; n++) {
    let text = '';
    const len = 1 + Math.floor(random() * 10);
    for (let k = 0; k < len; k++) text += pieces[Math.floor(random() * pieces.length)];
    assert.equal(arnExample(text), arnExampleByRegExp(text), JSON.stringify(text));
    const name = text.replace(/[^A-Za-z0-9]/g, '');
    assert.equal(upperSnake(name), upperSnakeByRegExp(name), name);
  }
});
