/** A setting that cannot be used: the variable's name and what is wrong, in one line for the operator. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}
