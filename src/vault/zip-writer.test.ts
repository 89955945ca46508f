import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStoredZip, writeZip, zipSize, ZipTooLargeError, type ZipEntry } from './zip-writer.js';

const modified = new Date('2030-06-04T10:00:00Z');
async function* chunks(...parts: string[]) {
  for (const p of parts) yield Buffer.from(p);
}
const entry = (name: string, ...parts: string[]): ZipEntry => ({
  name,
  size: parts.join('').length,
  modified,
  data: () => chunks(...parts),
});

async function collect(gen: AsyncIterable<Buffer>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const b of gen) out.push(b);
  return Buffer.concat(out);
}

describe('the zip writer', () => {
  it('writes stored entries that read back with their CRC-32, of the predicted size', async () => {
    const entries = [
      entry('a.txt', 'hello ', 'world'),
      entry('dir/b.bin', 'x'),
      entry('empty', ''),
    ];
    const zip = await collect(writeZip(entries));
    expect(zip.length).toBe(zipSize(entries));
    const read = readStoredZip(zip);
    expect(read.map((e) => [e.name, e.data.toString()])).toEqual([
      ['a.txt', 'hello world'],
      ['dir/b.bin', 'x'],
      ['empty', ''],
    ]);
  });

  it.skipIf(!existsSync('/usr/bin/unzip'))('is read by Info-ZIP unzip', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zip-'));
    try {
      const file = path.join(dir, 'b.zip');
      writeFileSync(
        file,
        await collect(writeZip([entry('a.txt', 'one'), entry('b/c.txt', 'two')])),
      );
      expect(execFileSync('unzip', ['-t', file]).toString()).toMatch(/No errors detected/);
      expect(execFileSync('unzip', ['-p', file, 'b/c.txt']).toString()).toBe('two');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an archive over 4 GiB before writing a byte', async () => {
    const huge: ZipEntry = { name: 'big.age', size: 2 ** 32, modified, data: () => chunks() };
    expect(() => zipSize([huge])).toThrow(ZipTooLargeError);
    const gen = writeZip([huge]);
    await expect(gen.next()).rejects.toThrow(/over 4 GiB/);
  });

  it('fails when a source gives other than its declared length', async () => {
    const wrong: ZipEntry = { name: 'x', size: 5, modified, data: () => chunks('abc') };
    await expect(collect(writeZip([wrong]))).rejects.toThrow(/expected 5/);
  });
});
