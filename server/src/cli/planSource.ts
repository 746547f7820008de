// Where a Terraform plan finding comes from in the .tf source, when that can be said reliably. The plan JSON
// (`terraform show -json`) carries no source positions: its `configuration` section gives each resource's address,
// module calls with their `source`, and unevaluated expressions, but no file or line. So the resource block is found
// by address in the .tf files beside the plan (the root module) or in a local module's folder (`source: "./…"`),
// and only when (1) the plan's configuration declares that resource in that module, and (2) exactly one block
// `resource "TYPE" "NAME"` (or `data`) exists among that folder's .tf files. Registry and git modules, a plan kept
// away from its configuration, or two candidate blocks give nothing rather than a guess. Node-side (reads files).

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { properties, propertyKey, propertyValue, type JsonNode } from '../service/parser/jsonTree';
import type { ParsedDocument } from '../service/parser/parseDocument';

export interface ResourceAddress {
  /** module call names from the root: module.a.module.b → ['a', 'b'] */
  readonly modules: readonly string[];
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
}

/**
 * The resource address at the start of a plan policy label, instance keys dropped:
 * `module.workers["eu"].data.aws_iam_policy_document.read.json` → modules ['workers'], data, type, name.
 */
export function parseResourceAddress(label: string): ResourceAddress | undefined {
  let rest = label;
  const modules: string[] = [];
  const key = /^(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\.?/;
  for (let m = /^module\.([A-Za-z_][\w-]*)/.exec(rest); m; m = /^module\.([A-Za-z_][\w-]*)/.exec(rest)) {
    modules.push(m[1]!);
    rest = rest.slice(m[0].length);
    rest = rest.slice(key.exec(rest)![0].length);
  }
  const mode = rest.startsWith('data.') ? 'data' : 'managed';
  if (mode === 'data') rest = rest.slice('data.'.length);
  const r = /^([a-z0-9_]+)\.([A-Za-z_][\w-]*)/.exec(rest);
  return r ? { modules, mode, type: r[1]!, name: r[2]! } : undefined;
}

const child = (node: JsonNode | undefined, k: string): JsonNode | undefined => {
  const p = properties(node).find((x) => propertyKey(x) === k);
  return p ? propertyValue(p) : undefined;
};

/** The folder of the module that declares the address (relative to the root's), from the plan's configuration. */
function moduleFolder(root: JsonNode | undefined, address: ResourceAddress): string | undefined {
  let module = child(child(root, 'configuration'), 'root_module');
  let folder = '.';
  for (const name of address.modules) {
    const call = child(child(module, 'module_calls'), name);
    const source = child(call, 'source')?.value;
    // only a local path is a folder we can read; a registry or git source is not beside the plan
    if (typeof source !== 'string' || !/^\.\.?\//.test(source)) return undefined;
    folder = join(folder, source);
    module = child(call, 'module');
  }
  const wanted = `${address.mode === 'data' ? 'data.' : ''}${address.type}.${address.name}`;
  const declared = (child(module, 'resources')?.children ?? []).some((r) => child(r, 'address')?.value === wanted);
  return declared ? folder : undefined;
}

const folderCache = new Map<string, readonly { file: string; text: string }[]>();

function tfFiles(folder: string): readonly { file: string; text: string }[] {
  const cached = folderCache.get(folder);
  if (cached) return cached;
  const files: { file: string; text: string }[] = [];
  try {
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith('.tf')) continue;
      try {
        files.push({ file: join(folder, name), text: readFileSync(join(folder, name), 'utf8') });
      } catch {
        // an unreadable file: its blocks are not candidates
      }
    }
  } catch {
    // no such folder: nothing to map to
  }
  folderCache.set(folder, files);
  return files;
}

/** `main.tf:12` (relative to `cwd`) of the block declaring the finding's resource, or undefined (see the header). */
export function planSourceOf(parsed: ParsedDocument, planPath: string, label: string, cwd = process.cwd()): string | undefined {
  if (parsed.container !== 'terraform-plan') return undefined;
  const address = parseResourceAddress(label);
  if (!address) return undefined;
  const folder = moduleFolder(parsed.root, address);
  if (folder === undefined) return undefined;
  const block = new RegExp(`^[ \\t]*${address.mode === 'data' ? 'data' : 'resource'}[ \\t]+"${address.type}"[ \\t]+"${address.name}"[ \\t]*\\{`, 'gm');
  const hits: string[] = [];
  for (const { file, text } of tfFiles(join(dirname(planPath), folder))) {
    for (const m of text.matchAll(block)) hits.push(`${relative(cwd, file)}:${text.slice(0, m.index).split('\n').length}`);
  }
  return hits.length === 1 ? hits[0] : undefined;
}
