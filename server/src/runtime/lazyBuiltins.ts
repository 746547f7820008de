// Node built-ins that only some runs need, loaded on first use: every server and CLI start paid for loading them
// at import time, and most never read a log or start a thread. Node-only; loads nothing until asked.

import type * as WorkerThreads from 'node:worker_threads';
import type * as Zlib from 'node:zlib';

/** node:worker_threads (generate's reader thread and workers, the code cache's main-thread test) */
export const workerThreads = (): typeof WorkerThreads => require('node:worker_threads') as typeof WorkerThreads;

/** node:zlib (gzipped CloudTrail logs) */
export const zlib = (): typeof Zlib => require('node:zlib') as typeof Zlib;
