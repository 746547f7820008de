// Bundles bench/serviceEntry.ts (the pure service plus the server's V8 flags) into out/bench/service.js with
// the shipped bundles' esbuild options, for `npm run bench`: the per-file test build in out/ calls across modules through export
// getters, which made validation ~15% slower than in dist/server.js. Run after build:tests (which clears out/).
import * as esbuild from 'esbuild';
import { bundleOptions } from './bundleOptions.mjs';

await esbuild.build({ ...bundleOptions, entryPoints: ['bench/serviceEntry.ts'], outfile: 'out/bench/service.js', sourcemap: false });
