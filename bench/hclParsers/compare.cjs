// Measures web-tree-sitter + tree-sitter-hcl (WASM) against the hand-written reader on HCL samples.
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const samples = JSON.parse(fs.readFileSync(process.argv[2] || '/tmp/hclbench/samples.json', 'utf8'));
const { parseHcl } = require(process.env.HAND_HCL || '/tmp/hclbench/handHcl.cjs');
function big(n) { // a large realistic module: n policies in the three usual forms
  let s = '';
  for (let i = 0; i < n; i++) s += `
resource "aws_iam_policy" "p${i}" {
  name   = "p${i}-\${var.env}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "\${aws_s3_bucket.b.arn}/*" }]
  })
}
data "aws_iam_policy_document" "d${i}" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.q.arn, tolist(var.arns)[0]]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}
resource "aws_iam_role_policy" "h${i}" {
  role   = aws_iam_role.r.id
  policy = <<-EOT
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}
  EOT
}
`;
  return s;
}
(async () => {
  const t0 = performance.now();
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const t1 = performance.now();
  const lang = await Language.load(fs.readFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm')));
  const parser = new Parser(); parser.setLanguage(lang);
  const t2 = performance.now();
  const first = parser.parse(big(1)); first.delete();
  const t3 = performance.now();
  console.log(`init: Parser.init ${(t1 - t0).toFixed(1)} ms, Language.load ${(t2 - t1).toFixed(1)} ms, first parse ${(t3 - t2).toFixed(1)} ms`);
  // correctness: error-free parses, and agreement on the top-level block/attribute spans
  let tsErr = 0, handErr = 0, disagreeBlocks = 0;
  const details = [];
  for (const s of samples) {
    const tree = parser.parse(s.text);
    const te = tree.rootNode.hasError;
    const h = parseHcl(s.text);
    const he = h.syntaxErrors.length > 0;
    if (te) tsErr++; if (he) handErr++;
    // top-level blocks: type + start offset
    const body = tree.rootNode.namedChildren.find((n) => n.type === 'body');
    const tsBlocks = body ? body.namedChildren.filter((n) => n.type === 'block').map((b) => `${b.namedChildren[0].text}@${b.startIndex}`) : [];
    const hBlocks = h.body.blocks.map((b) => `${b.type.name}@${b.start}`);
    const same = JSON.stringify(tsBlocks) === JSON.stringify(hBlocks);
    if (!same) disagreeBlocks++;
    if (te !== he || !same) details.push({ name: s.name, treeSitterError: te, handErrors: h.syntaxErrors.map((e) => e.message).slice(0, 2), tsBlocks: tsBlocks.slice(0, 3), hBlocks: hBlocks.slice(0, 3), errNode: te ? firstError(tree.rootNode, s.text) : undefined });
    tree.delete();
  }
  console.log(`samples ${samples.length}: tree-sitter errors ${tsErr}, hand reader errors ${handErr}, top-level block disagreement ${disagreeBlocks}`);
  for (const d of details) console.log(JSON.stringify(d));
  for (const n of [1, 10, 100, 500]) {
    const text = big(n);
    const time = (f) => { const k = n <= 10 ? 200 : n <= 100 ? 40 : 10; for (let i = 0; i < k; i++) f(); const runs = []; for (let r = 0; r < 5; r++) { const a = performance.now(); for (let i = 0; i < k; i++) f(); runs.push((performance.now() - a) / k); } runs.sort((x, y) => x - y); return runs[2]; };
    const ts = time(() => { const t = parser.parse(text); walkAll(t.rootNode); t.delete(); });
    const tsNoWalk = time(() => { const t = parser.parse(text); t.delete(); });
    const hand = time(() => parseHcl(text));
    console.log(`${n} x 3 policies (${(text.length / 1024).toFixed(0)} KiB): tree-sitter parse ${tsNoWalk.toFixed(2)} ms, parse+walk ${ts.toFixed(2)} ms, hand reader ${hand.toFixed(2)} ms`);
  }
})();
function walkAll(n) { let c = 0; const cur = n.walk(); let more = true; while (more) { c++; if (cur.gotoFirstChild()) continue; while (!cur.gotoNextSibling()) { if (!cur.gotoParent()) { more = false; break; } } } cur.delete(); return c; }
function firstError(n, text) { if (n.type === 'ERROR' || n.isMissing) return `${n.type}@${n.startIndex}: ${JSON.stringify(text.slice(n.startIndex, n.startIndex + 40))}`; for (const c of n.children) { if (c.hasError) return firstError(c, text); } return undefined; }
