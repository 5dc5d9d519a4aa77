/**
 * A store Netra refuses to start on because its files or its log are damaged or do not agree with
 * each other. The message is one line for the operator: what is wrong, where, and what to do.
 */
export class DamagedStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DamagedStoreError';
  }
}
