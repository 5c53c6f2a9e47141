import { open } from 'node:fs/promises';

/**
 * Content checks need a whole file in memory. However many uploads arrive at once, only `slots`
 * files are read at a time, each into one of a few buffers kept for reuse: memory stays at
 * slots x maxBytes instead of growing with the uploads in flight, and no per-file garbage waits
 * for the collector. `check` must not keep the bytes it is given.
 */
export class InspectionSlots {
  private readonly free: Buffer[] = [];
  private readonly waiting: Array<(buffer: Buffer) => void> = [];
  private made = 0;

  constructor(
    private readonly slots: number,
    private readonly maxBytes: number,
  ) {}

  async read<T>(path: string, check: (bytes: Buffer) => T | Promise<T>): Promise<T> {
    const buffer = await this.acquire();
    try {
      const file = await open(path, 'r');
      try {
        let length = 0;
        for (;;) {
          const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
          if (bytesRead === 0) break;
          length += bytesRead;
          if (length === buffer.length) throw new Error(`${path} is larger than ${this.maxBytes} bytes`);
        }
        return await check(buffer.subarray(0, length));
      } finally {
        await file.close();
      }
    } finally {
      this.release(buffer);
    }
  }

  private acquire(): Promise<Buffer> {
    const ready = this.free.pop();
    if (ready) return Promise.resolve(ready);
    if (this.made < this.slots) {
      this.made += 1;
      // One byte more than the limit, so a file that grew past it is told apart from one that fits.
      return Promise.resolve(Buffer.allocUnsafe(this.maxBytes + 1));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(buffer: Buffer): void {
    const next = this.waiting.shift();
    if (next) next(buffer);
    else this.free.push(buffer);
  }
}
