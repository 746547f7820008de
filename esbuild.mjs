// Bundles the client (dist/extension.js), the language server (dist/server-main.js, started by dist/server.js) and
// the CLI (dist/cli-main.js, started by dist/cli.js),
// and writes the IAM catalog (dist/iam-catalog.json). Type checking is separate: `npm run typecheck`.
// Flags: --production (minify, no source maps), --watch.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildCatalog, encodeCatalogFile } from './scripts/buildCatalog.mjs';
import { bundleOptions } from './scripts/bundleOptions.mjs';
import { lazyPackages } from './scripts/lazyPackages.mjs';
import { webBuilds } from './scripts/buildWeb.mjs';
import { writeThirdPartyNotices } from './scripts/thirdPartyNotices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors as `✘ [ERROR] file:line:col` so VS Code's esbuild problem matcher picks them up. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
    });
  },
};

/**
 * esbuild escapes non-ASCII characters in strings and identifiers but keeps comments as written, and one "…" in a
 * comment makes V8 hold the whole 1.5 MB bundle as a two-byte string (twice the memory, a slower UTF-8 decode at
 * every start). Comments are all that is left to escape, so the escape form does not matter; columns move only
 * after such a character on its line.
 */
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd(() => {
      const out = build.initialOptions.outfile;
      if (!out || !out.endsWith('.js') || !existsSync(out)) return;
      const text = readFileSync(out, 'utf8');
      // eslint-disable-next-line no-control-regex
      if (/[^\x00-\x7f]/.test(text)) writeFileSync(out, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    });
  },
};

const common = {
  ...bundleOptions,
  minify: production,
  sourcemap: !production,
  plugins: [problemMatcher, asciiOutput, lazyPackages],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // dist/server.js and dist/cli.js are small launchers (runtime/launch*.ts) that run these bundles through V8's code
  // cache (runtime/codeCache.ts): compiling the bundle was a third of the CLI's start-up
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server-main.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  { ...common, entryPoints: ['server/src/runtime/launchServer.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/runtime/launchCli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // the log-reader thread of `generate` (CLI and server): a bundle of its own, so the thread loads ~20 KB, not the CLI
  { ...common, entryPoints: ['server/src/cli/generate/logReaderMain.ts'], outfile: 'dist/logReader.js' },
  ...webBuilds({ production }),
];

mkdirSync('dist', { recursive: true });
writeFileSync('dist/iam-catalog.json', encodeCatalogFile(buildCatalog()));
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build({ ...b, metafile: true })));
  // the licenses of what the bundles inline (npm package and .vsix ship this file)
  writeThirdPartyNotices(process.cwd(), results.map((r) => r.metafile), 'dist/THIRD_PARTY_NOTICES.txt');
}
