// Bundles the client (dist/extension.js), the language server (dist/server.js) and the CLI (dist/cli.js),
// and writes the IAM catalog (dist/iam-catalog.json). Type checking is separate: `npm run typecheck`.
// Flags: --production (minify, no source maps), --watch.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildCatalog, encodeCatalogFile } from './scripts/buildCatalog.mjs';
import { bundleOptions } from './scripts/bundleOptions.mjs';
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

const common = {
  ...bundleOptions,
  minify: production,
  sourcemap: !production,
  plugins: [problemMatcher],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
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
