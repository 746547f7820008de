// Collect HCL samples: the repo's .tf files and HCL written inline in its tests (template literals with resource/data blocks).
import fs from 'node:fs'; import path from 'node:path';
const repo = process.argv[2]; const out = [];
function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p); } else if (/\.(tf|tftpl)$/.test(e.name)) out.push({ name: path.relative(repo, p), text: fs.readFileSync(p, 'utf8') }); } }
for (const d of ['test', 'examples']) if (fs.existsSync(path.join(repo, d))) walk(path.join(repo, d));
function walkTs(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walkTs(p); else if (e.name.endsWith('.ts')) {
  const src = fs.readFileSync(p, 'utf8'); const re = /`((?:[^`\\]|\\.)*)`/gs; let m; let i = 0;
  while ((m = re.exec(src))) { const raw = m[1]; if (!/(resource|data|module|provider|variable|locals)\s+("[^"]*"\s*)*\{/.test(raw)) continue; if (/(^|[^\\])\$\{/.test(raw)) continue; // JS interpolation
    const text = raw.replace(/\\\$\{/g, '${').replace(/\\`/g, '`').replace(/\\\\/g, '\\').replace(/\\n/g, '\n');
    out.push({ name: `${path.relative(repo, p)}#${i++}`, text }); } } } }
walkTs(path.join(repo, 'test'));
fs.writeFileSync('/tmp/hclbench/samples.json', JSON.stringify(out));
console.log(out.length, 'samples');
