/**
 * Counts the round trips a Postgres client makes by reading its side of the protocol: each
 * Query ('Q') or Sync ('S') message asks the server for a ReadyForQuery the client then
 * waits on. Benchmarks and tests use it to count, not assume, what a request costs.
 */

const SSL_REQUEST_CODE = 80877103;
const GSSENC_REQUEST_CODE = 80877104;

export class RoundTripCounter {
  #startupDone = false;
  /** Bytes of the current message body still to skip. */
  #skip = 0;
  /** Header bytes of the next message seen so far (type + length, or length + code). */
  #header: number[] = [];

  constructor(private readonly onRoundTrip: () => void) {}

  feed(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.#skip > 0) {
        const skipped = Math.min(this.#skip, chunk.length - offset);
        this.#skip -= skipped;
        offset += skipped;
        continue;
      }
      const headerLength = this.#startupDone ? 5 : 8;
      while (this.#header.length < headerLength && offset < chunk.length) this.#header.push(chunk[offset++]!);
      if (this.#header.length < headerLength) return;
      this.#readHeader();
    }
  }

  #readHeader(): void {
    const bytes = Uint8Array.from(this.#header);
    const view = new DataView(bytes.buffer);
    this.#header = [];
    if (!this.#startupDone) {
      // Untyped: int32 length, int32 code. An SSL/GSS request is followed by the real startup.
      const length = view.getInt32(0);
      const code = view.getInt32(4);
      if (code !== SSL_REQUEST_CODE && code !== GSSENC_REQUEST_CODE) this.#startupDone = true;
      this.#skip = Math.max(length - 8, 0);
      return;
    }
    const type = String.fromCharCode(bytes[0]!);
    if (type === 'Q' || type === 'S') this.onRoundTrip();
    this.#skip = Math.max(view.getInt32(1) - 4, 0);
  }
}
