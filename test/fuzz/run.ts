// `npm run test:fuzz -- --iterations N [--seed S] [--bound-ms B]`: the full fuzz run with a printed summary.
// Exit 1 when any invariant failed (the failures are printed with their mutation steps and a sample). The slowest
// call is printed, never judged, unless --bound-ms asks for it: on a shared machine a time bound fails at random.

import { parseArgs } from 'node:util';
import { runServiceFuzz } from './fuzzService';

const { values } = parseArgs({
  options: { iterations: { type: 'string', default: '100000' }, seed: { type: 'string', default: String(Date.now() % 100000) }, 'bound-ms': { type: 'string' } },
});
const iterations = Number(values.iterations);
const seed = Number(values.seed);
const t0 = performance.now();
const summary = runServiceFuzz({ iterations, seed, ...(values['bound-ms'] !== undefined ? { boundMs: Number(values['bound-ms']) } : {}) });
const seconds = (performance.now() - t0) / 1000;
for (const f of summary.failures) console.log(`FAIL #${f.iteration} [${f.mutations.join('+')}] ${f.problem}\n  ${JSON.stringify(f.sample).slice(0, 300)}`);
console.log(`fuzz: seed ${seed}, ${summary.iterations} iterations, ${summary.calls} calls in ${seconds.toFixed(1)} s; slowest ${summary.slowest.what} ${summary.slowest.ms.toFixed(1)} ms on ${summary.slowest.length} chars`);
console.log(`${summary.iterations - summary.failures.length} passed, ${summary.failures.length} failed`);
process.exit(summary.failures.length ? 1 : 0);
