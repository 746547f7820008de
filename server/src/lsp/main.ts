// Entry point of dist/server.js: picks the transport (--stdio, --node-ipc, --socket=N; stdio when none is
// given, so `iam-policy-language-server` works in any LSP editor), reroutes console output to the LSP
// console (stdout carries the protocol), logs unhandled rejections, and loads the catalog next to the bundle.

import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { formatError } from '../service/util/logger';
import { startServer } from './startServer';
import { name, version } from '../../../package.json';
import { applyV8Flags } from '../runtime/v8Flags';
import { ruleDocsUrl } from '../protocol';
import { withEvaluationFeatures } from './evaluation';
import { registerGenerateRequests } from './generateRequests';
import { loadNodeCatalog } from '../runtime/bundledCatalog';

applyV8Flags();

const TRANSPORT_FLAGS = ['--stdio', '--node-ipc', '--socket=', '--pipe=', '--clientProcessId'];

function printHelp(): void {
  process.stdout.write(
    `iam-policy-language-server ${version}: the IAM Policy Assistant language server (LSP).\n\n` +
      `Usage: iam-policy-language-server [--stdio | --node-ipc | --socket=PORT]\n` +
      `Speaks LSP over stdio unless told otherwise. Settings: the "iamPolicy" section (workspace/configuration)\n` +
      `and the workspace file .iam-policy.json. See README.md.\n`,
  );
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  printHelp();
  process.exit(0);
}
if (process.argv.includes('--version')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}

const hasTransportFlag = process.argv.slice(2).some((a) => TRANSPORT_FLAGS.some((f) => a.startsWith(f)));
const connection: Connection = hasTransportFlag ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout);

// stdout may be the protocol channel: anything printed with console.* goes to the client's log instead
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('unhandledRejection', (reason) => connection.console.error(formatError('Unhandled promise rejection', reason)));

const runtime = {
  name,
  version,
  // --iam-data=DIR (other editors) or initializationOptions.iamDataPath (VS Code's iamPolicy.iamDataPath): newer data
  loadCatalog: (iamDataPath?: string) => {
    const dir = iamDataPath ?? process.argv.find((a) => a.startsWith('--iam-data='))?.slice('--iam-data='.length);
    // dist/server.js sits next to dist/iam-catalog.json
    return loadNodeCatalog(__dirname, dir || undefined);
  },
  // https links any client can open (a file:// link into the extension folder opens nowhere else); the bundled
  // copy stays reachable offline through the "Open Rule Documentation" command
  docsUrl: ruleDocsUrl,
};
// the evaluation features (policy tests, simulate, explain access denied) share the connection and the catalog
startServer(withEvaluationFeatures(connection, runtime), runtime);
// policy generation from CloudTrail logs (lsp/generateRequests.ts): the server reads the logs for any LSP client;
// runtime.loadCatalog is the shared, memoised loader (withEvaluationFeatures), so the catalog is read once
registerGenerateRequests(connection, () => runtime.loadCatalog());
connection.listen();
