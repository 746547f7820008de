// Pathological input: a 10,003-character action "s3:" + "*a" x 5000 (wildcard matching against the catalog
// must stay linear), validated in a one-statement policy; also a 10,000-character unknown action.

export async function run(ctx) {
  const service = ctx.createService();
  const time = (action) => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] }, null, 2);
    const doc = ctx.TextDocument.create('file:///bench/long.json', 'json', 1, text);
    return ctx.measure(() => service.validate(doc, service.parse(doc)), { iterations: 5, warmup: 1 });
  };
  return [
    { name: 'validate action "s3:" + "*a" x 5000', value: time(`s3:${'*a'.repeat(5000)}`), unit: 'ms', target: '<= 100' },
    { name: 'validate action "s3:" + "a" x 10000 (unknown)', value: time(`s3:${'a'.repeat(10000)}`), unit: 'ms', target: '<= 100' },
  ];
}
