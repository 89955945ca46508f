// A small streaming zip writer for the export bundle: entries are stored (no compression: age
// files do not compress, and stored entries can be checked by any unzip), each streamed from its
// source as it is read, with its CRC-32 and sizes in a data descriptor after it and in the central
// directory at the end. Nothing is held whole in memory. Zip64 is not written: an archive that
// would pass 4 GiB (or 65,535 entries) is refused up front, with a clear message, before a byte.
import { crc32 } from 'node:zlib';

export const ZIP_MAX_BYTES = 0xffff_ffff;
export const ZIP_MAX_ENTRIES = 0xffff;

export interface ZipEntry {
  /** Path inside the archive, '/' separated, ASCII. */
  name: string;
  /** Exact length of the data: known up front, so the archive's size is checked before writing. */
  size: number;
  modified: Date;
  data: () => AsyncIterable<Uint8Array> | Promise<AsyncIterable<Uint8Array>>;
}

export class ZipTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipTooLargeError';
  }
}

const LOCAL_HEADER = 30;
const DESCRIPTOR = 16;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
/** General purpose flags: bit 3 (sizes in a data descriptor), bit 11 (names are UTF-8). */
const FLAGS = 0x0808;

function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** The archive's length for these entries, or a refusal naming why it cannot be written. */
export function zipSize(entries: readonly ZipEntry[]): number {
  if (entries.length > ZIP_MAX_ENTRIES) {
    throw new ZipTooLargeError(
      `The bundle would hold ${entries.length} files; at most ${ZIP_MAX_ENTRIES}.`,
    );
  }
  let total = END_RECORD;
  for (const e of entries) {
    const name = Buffer.byteLength(e.name, 'utf8');
    total += LOCAL_HEADER + name + e.size + DESCRIPTOR + CENTRAL_HEADER + name;
  }
  if (total > ZIP_MAX_BYTES) {
    throw new ZipTooLargeError(
      `The bundle would be ${total} bytes; a bundle over 4 GiB cannot be written. Export fewer items at a time.`,
    );
  }
  return total;
}

/** The archive as a stream of buffers; throws ZipTooLargeError before yielding anything. */
export async function* writeZip(entries: readonly ZipEntry[]): AsyncGenerator<Buffer> {
  zipSize(entries);
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { time, date } = dosTime(entry.modified);
    const local = Buffer.alloc(LOCAL_HEADER);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    // crc and sizes: 0 here, in the data descriptor and the central directory.
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    yield local;
    yield name;
    let crc = 0;
    let size = 0;
    for await (const chunk of await entry.data()) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    if (size !== entry.size) {
      throw new Error(`${entry.name}: read ${size} bytes, expected ${entry.size}`);
    }
    const descriptor = Buffer.alloc(DESCRIPTOR);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(size, 8);
    descriptor.writeUInt32LE(size, 12);
    yield descriptor;

    const header = Buffer.alloc(CENTRAL_HEADER);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(FLAGS, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(size, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE((0o100600 << 16) >>> 0, 38); // a regular file, rw for its owner
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += LOCAL_HEADER + name.length + size + DESCRIPTOR;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  yield* central;
  const end = Buffer.alloc(END_RECORD);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  yield end;
}

/** Reads a stored zip (as written above) back: for tests and for checking a bundle. */
export function readStoredZip(zip: Buffer): { name: string; data: Buffer; crc: number }[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const out: { name: string; data: Buffer; crc: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory header');
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const localName = zip.readUInt16LE(local + 26);
    const localExtra = zip.readUInt16LE(local + 28);
    const start = local + LOCAL_HEADER + localName + localExtra;
    const data = zip.subarray(start, start + size);
    if (crc32(data) >>> 0 !== crc) throw new Error(`${name}: CRC-32 does not match`);
    out.push({ name, data, crc });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}
