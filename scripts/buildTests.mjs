// Transpiles the TypeScript sources and tests file by file (no bundling, no type check) into out/ so that
// `node --test` can run them. Type errors are caught separately by `npm run typecheck`.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    // .js sources are generated modules (the precompiled schema validator): copied through like the rest
    else if ((p.endsWith('.ts') && !p.endsWith('.d.ts')) || p.endsWith('.generated.js')) out.push(p);
  }
  return out;
}

// TEST_OUT=out-mine builds a private copy (same depth as out/), so parallel test runs don't delete each other's files
const outdir = process.env.TEST_OUT ?? 'out';
rmSync(outdir, { recursive: true, force: true });
const entryPoints = [...walk('server/src'), ...walk('test')];
await esbuild.build({
  entryPoints,
  outdir,
  outbase: '.',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});
