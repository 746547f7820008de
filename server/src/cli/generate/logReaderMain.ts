// Entry point of dist/logReader.js: the log-reader thread of `generate` (logReaderThread.ts).

import { runLogReaderThread } from './logReaderThread';

void runLogReaderThread();
