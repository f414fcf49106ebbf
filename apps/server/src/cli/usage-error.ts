import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command-line usage error: printed with the usage text, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * `node:util`'s `parseArgs`, its refusals (an unknown option, a missing value, a stray positional) thrown as
 * {@link UsageError} so every command prints them with its usage text.
 * @throws {UsageError}
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
