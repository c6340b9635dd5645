import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in how a command was called: printed as one line with a hint, exit code 2. */
export class UsageError extends Error {}

/** Parsed options of a command. */
export type Values = Record<string, string | boolean | string[] | undefined>;

/** Parses a command's arguments strictly (with `--help`/`-h`); a bad option is a {@link UsageError}. */
export function parse(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']> = {},
): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
