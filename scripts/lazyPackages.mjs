// An esbuild plugin that makes some bundled packages load on first use instead of at start-up: our code's
// `import … from 'yaml'` gets a stand-in CommonJS module whose exports are getters requiring the real package on
// first access (esbuild reads named imports from a CommonJS module as property reads at use time). yaml is only
// needed for YAML templates and test files, and initialising it was ~4% of the CLI's and server's start-up.
// Only imports from our sources are redirected; the package's own files import each other as usual.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const LAZY = ['yaml'];

export const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    const filter = new RegExp(`^(${LAZY.join('|')})$`);
    build.onResolve({ filter }, (args) => {
      if (args.pluginData?.lazyReal || args.importer.includes('node_modules')) return undefined;
      return { path: args.path, namespace: 'lazy-package' };
    });
    build.onResolve({ filter: /^lazy-real:/ }, async (args) => {
      const r = await build.resolve(args.path.slice('lazy-real:'.length), { kind: 'require-call', resolveDir: args.resolveDir, pluginData: { lazyReal: true } });
      return { path: r.path, external: r.external, sideEffects: r.sideEffects };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
      const names = Object.keys(require(args.path)).filter((k) => k !== 'default' && k !== '__esModule');
      const contents = [
        'let real;',
        `const load = () => (real ??= require(${JSON.stringify(`lazy-real:${args.path}`)}));`,
        `for (const name of ${JSON.stringify(names)}) Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });`,
      ].join('\n');
      return { contents, loader: 'js', resolveDir: process.cwd() };
    });
  },
};
