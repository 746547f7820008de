// Writes dist/THIRD_PARTY_NOTICES.txt: the license text of every npm package whose code esbuild inlined into the
// shipped bundles (taken from the builds' metafiles, so the list is exactly what dist/*.js contain), plus the
// IAM data package compiled into dist/iam-catalog.json. Build time only; reads node_modules, never the network.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** `node_modules/@scope/name/lib/x.js` -> `node_modules/@scope/name` (the innermost node_modules package). */
function packageDirOf(input) {
  const parts = input.split(/[\\/]/);
  const i = parts.lastIndexOf('node_modules');
  if (i < 0) return undefined;
  const n = parts[i + 1]?.startsWith('@') ? 3 : 2;
  return parts.slice(0, i + n).join(sep);
}

function licenseText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)([-.][\w.-]*)?$/i.test(f));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : undefined;
}

/** Package folders (relative to `root`) of every node_modules input of the given esbuild metafiles. */
export function bundledPackageDirs(metafiles) {
  const dirs = new Set();
  for (const meta of metafiles) for (const input of Object.keys(meta.inputs)) {
    const d = packageDirOf(input);
    if (d) dirs.add(d);
  }
  return dirs;
}

/** The notices text for the given package folders; throws when a package has no license text (a build error). */
export function noticesFor(root, dirs) {
  const entries = [];
  const seen = new Set();
  for (const d of dirs) {
    const pkg = JSON.parse(readFileSync(join(root, d, 'package.json'), 'utf8'));
    const id = `${pkg.name}@${pkg.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const license = typeof pkg.license === 'string' ? pkg.license : 'UNKNOWN';
    if (/\bA?GPL\b/i.test(license)) throw new Error(`${id} is ${license}: it must not be bundled`);
    const text = licenseText(join(root, d));
    if (!text) throw new Error(`${id}: no LICENSE file in ${d}`);
    entries.push({ id, license, text });
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : 1));
  const head =
    'IAM Policy Assistant ships code and data from the following third-party packages, inlined by the build into\n' +
    'dist/*.js (code) and dist/iam-catalog.json (IAM data). Their licenses follow.\n';
  return `${head}\n${entries.map((e) => `${'='.repeat(78)}\n${e.id} (${e.license})\n${'='.repeat(78)}\n\n${e.text}\n`).join('\n')}`;
}

export function writeThirdPartyNotices(root, metafiles, outFile) {
  const dirs = bundledPackageDirs(metafiles);
  // the catalog is built from this package's data files (scripts/buildCatalog.mjs)
  const data = join('node_modules', '@cloud-copilot', 'iam-data');
  if (existsSync(join(root, data, 'package.json'))) dirs.add(data);
  writeFileSync(outFile, noticesFor(root, dirs));
  return dirs;
}

