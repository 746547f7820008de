// The esbuild options every shipped bundle uses (dist/*.js, see esbuild.mjs), shared with the benchmark's
// bundle of the service so that `npm run bench` measures the code in the form users run it.
export const bundleOptions = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcesContent: false,
  // jsonc-parser's UMD main bundles into broken code: take its ESM build
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};
