/**
 * A job's failure that retrying cannot mend: an address no mail header can carry, say, fails
 * the same way on every try. A job throws it instead of a plain error; the consumer records
 * the job failed with this reason at once and acknowledges its message, rather than retrying
 * it into the dead-letter queue. `result` is what the job did get done, kept beside the reason.
 */
export class PermanentJobFailure extends Error {
  constructor(
    reason: string,
    readonly result?: Record<string, unknown>,
  ) {
    super(reason);
    this.name = 'PermanentJobFailure';
  }
}
