// Reads dist/iam-catalog.json (format 2, see catalogFormat.ts CatalogFile) without parsing it whole: the head
// (line 1) at once, each service's actions on first use, from the byte range the head gives (a thunk in
// RawService.a). Also turns a JSON.parse'd CatalogFile into a RawCatalog. Opens no file: callers pass the bytes
// (fetch, tests) or a function reading a byte range (runtime/bundledCatalog.ts on Node).

import type { CatalogFile, CatalogFileHead, RawAction, RawCatalog, RawService } from './catalogFormat';

declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

const LINE_1_START = '{"format":2,"head":';
const LINE_1_END = ',"actions":{';
const NEWLINE = 10;

/** The text of bytes [start, end) of the catalog file. */
export type ReadRange = (start: number, end: number) => string;

const notACatalog = (why: string): Error => new Error(`not an IAM catalog file (format 2): ${why}`);

/**
 * The catalog of a format-2 file whose first line is `line1` (without its line break) and whose line 2 starts at
 * byte `base`; `read` gives the text of a byte range when a service's actions are first needed.
 */
export function decodeCatalogHead(line1: string, base: number, read: ReadRange): RawCatalog {
  if (!line1.startsWith(LINE_1_START) || !line1.endsWith(LINE_1_END)) throw notACatalog('unexpected first line');
  const head = JSON.parse(line1.slice(LINE_1_START.length, line1.length - LINE_1_END.length)) as CatalogFileHead;
  const services: Record<string, RawService> = {};
  for (const [prefix, meta] of Object.entries(head.services)) {
    services[prefix] = { n: meta.n, c: meta.c, r: meta.r, k: meta.k, ...(meta.ak ? { ak: meta.ak } : {}), a: lazyActions(prefix, base + meta.o, base + meta.o + meta.l, read) };
  }
  return { format: 1, source: head.source, services, globalKeys: head.globalKeys, rcpServices: head.rcpServices };
}

function lazyActions(prefix: string, start: number, end: number, read: ReadRange): () => RawAction[] {
  const key = `"${prefix}":`;
  return () => {
    // the range is checked against the name before it, so a file changed since start-up fails clearly
    const text = read(start - key.length, end);
    if (!text.startsWith(key)) throw notACatalog(`the actions of "${prefix}" are not where the head says (was the file rebuilt since it was opened?)`);
    return JSON.parse(text.slice(key.length)) as RawAction[];
  };
}

let decoder: { decode(bytes: Uint8Array): string } | undefined;

/** The catalog of a whole format-2 file in memory (the web worker's fetch, tests): the bytes are kept for later reads. */
export function decodeCatalogFile(bytes: Uint8Array): RawCatalog {
  const firstBreak = bytes.indexOf(NEWLINE);
  if (firstBreak < 0) throw notACatalog('no line break');
  const text = (start: number, end: number): string => (decoder ??= new TextDecoder()).decode(bytes.subarray(start, end));
  return decodeCatalogHead(text(0, firstBreak), firstBreak + 1, text);
}

export function isCatalogFile(value: RawCatalog | CatalogFile): value is CatalogFile {
  return (value as { format: number }).format === 2;
}

/** A JSON.parse'd dist/iam-catalog.json as a RawCatalog (every service's actions already parsed). */
export function catalogFromParsedFile(file: CatalogFile): RawCatalog {
  const services: Record<string, RawService> = {};
  for (const [prefix, meta] of Object.entries(file.head.services)) services[prefix] = { n: meta.n, c: meta.c, r: meta.r, k: meta.k, ...(meta.ak ? { ak: meta.ak } : {}), a: file.actions[prefix] ?? [] };
  return { format: 1, source: file.head.source, services, globalKeys: file.head.globalKeys, rcpServices: file.head.rcpServices };
}

/** The actions of a raw service, parsing them if they are still lazy. */
export function rawActions(service: RawService): RawAction[] {
  return typeof service.a === 'function' ? service.a() : service.a;
}
