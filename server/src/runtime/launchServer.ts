// dist/server.js, the language server (VS Code starts it; `iam-policy-language-server` for other editors): applies
// the V8 flags, then runs dist/server-main.js (built from lsp/main.ts) through the code cache (runtime/codeCache.ts).

import { join } from 'node:path';
import { applyV8Flags } from './v8Flags';
import { runBundle } from './codeCache';

/** a server lives long and may be killed rather than exit: it also saves the cache this long after start */
const SAVE_AFTER_MS = 20_000;

applyV8Flags();
runBundle(join(__dirname, 'server-main.js'), { parent: module, saveAfterMs: SAVE_AFTER_MS });
