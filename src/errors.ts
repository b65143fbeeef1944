// Errors people act on: each message names the file (and line) and what is wrong.

/** A config file that cannot be read or does not validate. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A rule pack that cannot be read or does not validate, or a config that names unknown rules. */
export class RuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleError';
  }
}
