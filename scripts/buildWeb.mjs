// Bundles the web extension (VS Code for the Web): dist/web/extension.js (the client, "browser" in package.json)
// and dist/web/server.js (the language server as a web worker). Called by esbuild.mjs; the catalog it loads is
// dist/iam-catalog.json, written there.
import * as esbuild from 'esbuild';

export function webBuilds({ production }) {
  const common = {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    sourcesContent: false,
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'warning',
    // the shared client modules import types and enums from the Node client: the browser client has the same API
    alias: { 'vscode-languageclient/node': 'vscode-languageclient/browser' },
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  };
  return [
    { ...common, format: 'cjs', entryPoints: ['client/src/webExtension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] },
    { ...common, format: 'iife', entryPoints: ['server/src/lsp/web/workerMain.ts'], outfile: 'dist/web/server.js' },
  ];
}

export async function buildWeb(options) {
  await Promise.all(webBuilds(options).map((b) => esbuild.build(b)));
}
