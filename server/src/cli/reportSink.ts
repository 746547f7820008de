// Where a streamed report goes: standard output, or the --output-file opened once up front (an unwritable
// path is reported before any file is checked). Synchronous writes, so a report is complete when the CLI exits.

import { closeSync, openSync, writeSync } from 'node:fs';
import type { OutputFormat } from './args';
import type { StreamedFormat } from './streamingReport';

let fd: number | undefined;

export function isStreamedFormat(format: OutputFormat): format is StreamedFormat {
  return format === 'text' || format === 'json' || format === 'jsonl';
}

/** a write function, or the reason the file cannot be written */
export function openReportSink(outputFile: string | undefined): ((chunk: string) => void) | string {
  if (outputFile === undefined) return (chunk) => void process.stdout.write(chunk);
  try {
    const opened = openSync(outputFile, 'w');
    fd = opened;
    return (chunk) => void writeSync(opened, chunk);
  } catch (err) {
    return (err as Error).message;
  }
}

export function closeReportSink(): void {
  if (fd !== undefined) closeSync(fd);
  fd = undefined;
}
