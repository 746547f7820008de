// dist/cli.js, the `iam-policy-check` command: applies the V8 flags, then runs dist/cli-main.js (the CLI bundle,
// built from cli/main.ts) through the code cache (runtime/codeCache.ts). It holds nothing else, so it compiles fast.

import { join } from 'node:path';
import { applyV8Flags, CLI_V8_FLAGS } from './v8Flags';
import { runBundle } from './codeCache';

// before compiling: V8 stamps cached code with the flags, and the bundle sets these first thing too
applyV8Flags(CLI_V8_FLAGS);
runBundle(join(__dirname, 'cli-main.js'), { parent: module });
