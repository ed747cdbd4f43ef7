/**
 * Keeps each `context.sync()` request under Excel on the web's 5 MB cap. Writes reserve their
 * estimated JSON size; when the next one would not fit, what is queued is sent first. A small
 * action therefore costs no extra round trip, and a large one one more per ~4 MB of data.
 */

/** Excel on the web refuses a request over 5 MB; leave room for addresses, formats and framing. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** What a queued call without bulk data (a format, an address, a method) adds to a request. */
export const CALL_BYTES = 256;

export class RequestBudget {
  private used = 0;
  private calculationSuspended = false;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly limit: number = REQUEST_BUDGET_BYTES,
  ) {}

  /** Room for one write of `bytes`; a single write larger than the budget must be split by the caller. */
  async reserve(bytes: number = CALL_BYTES): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) await this.flush();
    if (!this.calculationSuspended) {
      // Recalculating after every block of a large write is wasted work: once per request is enough.
      this.context.application.suspendApiCalculationUntilNextSync();
      this.calculationSuspended = true;
      this.used += CALL_BYTES;
    }
    this.used += bytes;
  }

  /** Sends what is queued. */
  async flush(): Promise<void> {
    await this.context.sync();
    this.used = 0;
    this.calculationSuspended = false;
  }
}
