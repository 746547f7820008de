// The one option parser of the CLI's commands: node:util parseArgs in strict mode with positionals, its usage
// error (an unknown option, a missing value) returned as a message instead of thrown. Each command checks its
// values and words its own usage errors.

import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
type ParseArgsOptionConfig = ParseArgsOptionsConfig[string];

type OptionValue<O extends ParseArgsOptionConfig> = O['type'] extends 'string' ? string : boolean;

/** What strict parseArgs gives for `options` (none of ours has a default): absent, a value, or a list of them. */
export type OptionValues<T extends ParseArgsOptionsConfig> = {
  -readonly [K in keyof T]?: T[K]['multiple'] extends true ? OptionValue<T[K]>[] : OptionValue<T[K]>;
};

export type ParsedOptions<T extends ParseArgsOptionsConfig> =
  | { readonly ok: true; readonly values: OptionValues<T>; readonly positionals: string[] }
  | { readonly ok: false; readonly error: string };

export function parseOptions<const T extends ParseArgsOptionsConfig>(argv: readonly string[], options: T): ParsedOptions<T> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
    return { ok: true, values: values as OptionValues<T>, positionals };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
