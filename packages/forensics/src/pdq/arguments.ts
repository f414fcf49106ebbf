/**
 * Builds every invalid-argument error of the PDQ module, so that the messages read alike:
 * `Expected <what> for <name> but received <value>`.
 * @example throw invalidArgument('hash', 'a string of 64 hexadecimal digits', 'xyz') // TypeError
 */
export function invalidArgument(name: string, expected: string, actual: unknown): TypeError {
  const shown =
    typeof actual === 'string'
      ? JSON.stringify(actual.length > 80 ? `${actual.slice(0, 77)}...` : actual)
      : String(actual);
  return new TypeError(`Expected ${expected} for ${name} but received ${shown}`);
}
