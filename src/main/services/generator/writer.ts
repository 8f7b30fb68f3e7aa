import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * A buffered file writer: text is collected in pieces and handed to the stream in chunks of about
 * `chunkChars`; `flush` waits for the stream to drain (backpressure), so memory stays flat however
 * much is written. Counts the lines written (the planted defects need their line numbers).
 */
export class BufferedWriter {
  private readonly stream: WriteStream;
  private pieces: string[] = [];
  private pending = 0;
  private failed: Error | null = null;
  lines = 0;

  constructor(
    readonly path: string,
    private readonly chunkChars = 1 << 20,
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 4 << 20 });
    this.stream.on('error', (error) => (this.failed = error));
  }

  /** Adds text that holds `lines` complete lines. */
  add(text: string, lines: number): void {
    this.pieces.push(text);
    this.pending += text.length;
    this.lines += lines;
  }

  get full(): boolean {
    return this.pending >= this.chunkChars;
  }

  /** Hands the buffered text to the stream, waiting for it to drain when its buffer is full. */
  async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.pending === 0) return;
    const text = this.pieces.join('');
    this.pieces = [];
    this.pending = 0;
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          this.stream.off('error', onError);
          resolve();
        };
        const onError = (error: Error) => {
          this.stream.off('drain', onDrain);
          reject(error);
        };
        this.stream.once('drain', onDrain);
        this.stream.once('error', onError);
      });
    }
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (this.failed) throw this.failed;
  }

  /** Closes without waiting (after an error elsewhere). */
  destroy(): void {
    this.stream.destroy();
  }
}
