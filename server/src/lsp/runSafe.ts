// Wraps every request handler: a cancelled request is answered with RequestCancelled, an exception is logged
// with its stack and answered with the handler's empty result. A bug in one feature never takes the server down.

import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { formatError, type Logger } from '../service/util/logger';

function cancelled<E>(): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * Runs `fn` on a later tick (so a `$/cancelRequest` that arrived in the meantime is seen), checks the token
 * before and after, and turns exceptions into `errorValue`.
 */
export function runSafe<T, E = void>(logger: Logger, label: string, token: CancellationToken, errorValue: T, fn: () => T | Promise<T>): Promise<T | ResponseError<E>> {
  return new Promise((resolve) => {
    setImmediate(async () => {
      if (token.isCancellationRequested) {
        resolve(cancelled());
        return;
      }
      try {
        const result = await fn();
        resolve(token.isCancellationRequested ? cancelled() : result);
      } catch (err) {
        logger.error(formatError(`${label} failed`, err));
        resolve(errorValue);
      }
    });
  });
}
