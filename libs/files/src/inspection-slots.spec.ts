import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InspectionSlots } from './inspection-slots';

describe('InspectionSlots', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'slots-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, bytes: Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };

  it('gives each check exactly its file, never more than `slots` files in memory at once', async () => {
    const slots = new InspectionSlots(2, 1024);
    const files = Array.from({ length: 12 }, (_, i) => file(`f${i}`, Buffer.alloc(100 + i * 50, i)));
    let inFlight = 0;
    let most = 0;
    const buffers = new Set<ArrayBufferLike>();
    const seen = await Promise.all(
      files.map((p) =>
        slots.read(p, async (bytes) => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          buffers.add(bytes.buffer);
          const summary = { length: bytes.length, first: bytes[0], last: bytes[bytes.length - 1] };
          await new Promise((r) => setImmediate(r));
          inFlight -= 1;
          return summary;
        }),
      ),
    );
    expect(seen).toEqual(files.map((_, i) => ({ length: 100 + i * 50, first: i, last: i })));
    expect(most).toBeLessThanOrEqual(2);
    expect(buffers.size).toBeLessThanOrEqual(2);
  });

  it('frees the slot when a check throws', async () => {
    const slots = new InspectionSlots(1, 64);
    const p = file('x', Buffer.from('abc'));
    await expect(
      slots.read(p, () => {
        throw new Error('bad');
      }),
    ).rejects.toThrow('bad');
    await expect(slots.read(p, (b) => b.toString())).resolves.toBe('abc');
  });

  it('refuses a file larger than the limit', async () => {
    const slots = new InspectionSlots(1, 8);
    await expect(slots.read(file('big', Buffer.alloc(20)), (b) => b.length)).rejects.toThrow(/larger than 8 bytes/);
  });
});
