import fs from 'node:fs';
const base = JSON.parse(fs.readFileSync('/tmp/hclbench/samples.json', 'utf8'));
const seen = new Set(base.map((s) => s.text));
const out = [...base];
let i = 0;
for (const line of fs.readFileSync('/tmp/hclbench/recorded.jsonl', 'utf8').split('\n').filter(Boolean)) { const text = JSON.parse(line); if (seen.has(text)) continue; seen.add(text); out.push({ name: `test-input#${i++}`, text }); }
const tricky = JSON.parse(fs.readFileSync(process.env.VALID_HCL || 'valid-hcl2.json', 'utf8'));
for (const { name, text } of tricky) out.push({ name: `tricky: ${name}`, text, mustBeValid: true });
fs.writeFileSync('/tmp/hclbench/all.json', JSON.stringify(out));
console.log(out.length, 'samples (', base.length, 'files/inline,', i, 'recorded test inputs,', tricky.length, 'tricky valid)');
