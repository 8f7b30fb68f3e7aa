import type { Writable } from 'node:stream';

/**
 * A Writable written to with awaits: every failure of the stream (opening, writing, flushing,
 * closing) comes back as a rejected write() or end(), never as an unhandled 'error' event, and
 * end() resolves only once the file is closed.
 */
export class StreamSink {
  private failure: Error | null = null;
  private closed = false;
  bytes = 0;

  constructor(private readonly out: Writable) {
    out.on('error', (error: Error) => {
      this.failure ??= error;
    });
    out.once('close', () => {
      this.closed = true;
    });
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.check();
    this.bytes += chunk.length;
    if (!this.out.write(chunk)) await this.until('drain');
    this.check();
  }

  /** Flushes and closes; rejects with the stream's error if anything failed on the way. */
  async end(): Promise<void> {
    this.check();
    this.out.end();
    await this.until('close');
    this.check();
  }

  /** Stops writing and waits for the file to be closed (so the temporary file can be removed). */
  async destroy(): Promise<void> {
    if (this.closed) return;
    const closing = this.until('close').catch(() => undefined);
    this.out.destroy();
    await closing;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** Resolves on `event`; rejects on an error or on a close before it. */
  private until(event: 'drain' | 'close'): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      if (this.closed) return event === 'close' ? resolve() : reject(new Error('The file was closed before all was written.'));
      const done = (error?: Error) => {
        this.out.off(event, onEvent);
        this.out.off('error', onError);
        this.out.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onEvent = () => done();
      const onError = (error: Error) => done(error);
      const onClose = () => done(this.failure ?? (event === 'close' ? undefined : new Error('The file was closed before all was written.')));
      this.out.once(event, onEvent);
      this.out.once('error', onError);
      if (event !== 'close') this.out.once('close', onClose);
    });
  }
}
