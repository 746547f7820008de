// The logging interface the service is given (the server routes it to the LSP console, the CLI to stderr).

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export const nullLogger: Logger = { error() {}, warn() {}, info() {} };

export function formatError(message: string, err: unknown): string {
  if (err instanceof Error) return `${message}: ${err.message}\n${err.stack ?? ''}`;
  return `${message}: ${String(err)}`;
}
