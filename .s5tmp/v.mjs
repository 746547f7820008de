import * as esbuild from 'esbuild';
import { bundleOptions } from '/work/wt/s5-cli-speed/scripts/bundleOptions.mjs';
const base = { ...bundleOptions, entryPoints: ['server/src/cli/main.ts'], banner: { js: '#!/usr/bin/env node' }, sourcemap: false };
await esbuild.build({ ...base, outfile: '/tmp/s5v/plain/cli.js' });
await esbuild.build({ ...base, outfile: '/tmp/s5v/ws/cli.js', minifyWhitespace: true, minifySyntax: true });
await esbuild.build({ ...base, outfile: '/tmp/s5v/min/cli.js', minify: true });
