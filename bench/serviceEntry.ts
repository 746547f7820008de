// Entry of the bench's bundle (out/bench/service.js, see scripts/buildBenchBundle.mjs): the pure service as
// dist/server.js bundles it, plus the V8 flags the server and CLI apply at start-up, so that the bench measures
// the service the way they run it.
export * from '../server/src/service';
export { applyV8Flags, CLI_V8_FLAGS, V8_FLAGS } from '../server/src/runtime/v8Flags';
export { loadBundledCatalog } from '../server/src/runtime/bundledCatalog';
