// @ts-check
// A small zip reader for the X archive X sends: the central directory, then only the entries
// asked for, each inflated by the browser's own DecompressionStream("deflate-raw"). The file
// is read by slices (Blob.slice), never whole: an archive with its media runs to gigabytes, the
// posts in it to a few megabytes. Stored and deflated entries only (all a zip tool writes for
// text); Zip64 sizes and offsets are read, since an archive with media can pass 4 GB.
//
// Errors are ZipError with a `code` ("not-zip", "damaged", "unreadable", "bigger"), so the
// caller words them for the user.

export class ZipError extends Error {
  /** @param {"not-zip" | "damaged" | "unreadable" | "bigger"} code @param {string} [entry] */
  constructor(code, entry = "") {
    super(`zip: ${code}${entry ? ` (${entry})` : ""}`);
    this.code = code;
    this.entry = entry;
  }
}

/**
 * @typedef {{name: string, flags: number, method: number, crc: number, compressedSize: number,
 *            size: number, offset: number}} Entry
 * `size` is what the central directory declares once inflated; `offset`, its local header's.
 */

const END = 0x06054b50; // end of central directory
const END64 = 0x06064b50; // Zip64 end of central directory
const LOCATOR64 = 0x07064b50; // where the Zip64 one is
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
// A central directory is about 100 bytes an entry; 64 MiB is over half a million files, far
// beyond any archive, so a bigger one is a damaged or hostile zip, not read.
const MAX_DIRECTORY = 64 * 1024 * 1024;

/** @param {Blob} blob @param {number} start @param {number} end */
async function view(blob, start, end) {
  return new DataView(await blob.slice(start, end).arrayBuffer());
}

/** A little-endian 64-bit field as a number (exact up to 2^53, far past any real file). */
function u64(data, at) {
  return data.getUint32(at, true) + data.getUint32(at + 4, true) * 2 ** 32;
}

/** True when `blob` starts as a zip does (a local header, or an empty zip's end record). */
export async function looksLikeZip(blob) {
  if (blob.size < 4) return false;
  const sign = (await view(blob, 0, 4)).getUint32(0, true);
  return sign === LOCAL || sign === END;
}

/** Where the central directory is and how many entries it holds. */
async function directory(blob) {
  const from = Math.max(0, blob.size - (END_SIZE + MAX_COMMENT + 20));
  const tail = await view(blob, from, blob.size);
  // The end record is the last one whose comment reaches no further than the file's end.
  let at = -1;
  for (let i = tail.byteLength - END_SIZE; i >= 0; i--) {
    if (tail.getUint32(i, true) === END && i + END_SIZE + tail.getUint16(i + 20, true) <= tail.byteLength) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError("not-zip");
  let count = tail.getUint16(at + 10, true);
  let size = tail.getUint32(at + 12, true);
  let offset = tail.getUint32(at + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // Zip64: a locator just before the end record says where the 64-bit record is.
    if (at < 20 || tail.getUint32(at - 20, true) !== LOCATOR64) throw new ZipError("damaged");
    const where = u64(tail, at - 20 + 8);
    if (where + 56 > blob.size) throw new ZipError("damaged");
    const end64 = await view(blob, where, where + 56);
    if (end64.getUint32(0, true) !== END64) throw new ZipError("damaged");
    count = u64(end64, 32);
    size = u64(end64, 40);
    offset = u64(end64, 48);
  }
  if (size > MAX_DIRECTORY || offset + size > blob.size) throw new ZipError("damaged");
  return { count, size, offset };
}

const names = new TextDecoder("utf-8");

/**
 * Every entry the zip's central directory lists (nothing is inflated).
 * @param {Blob} blob @returns {Promise<Entry[]>}
 */
export async function listEntries(blob) {
  const { count, size, offset } = await directory(blob);
  const data = await view(blob, offset, offset + size);
  /** @type {Entry[]} */
  const entries = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.byteLength || data.getUint32(at, true) !== CENTRAL) throw new ZipError("damaged");
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > data.byteLength) throw new ZipError("damaged");
    const entry = {
      // X writes plain ASCII names; UTF-8 (flag bit 11) reads the same way.
      name: names.decode(new Uint8Array(data.buffer, at + 46, nameLength)),
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      crc: data.getUint32(at + 16, true),
      compressedSize: data.getUint32(at + 20, true),
      size: data.getUint32(at + 24, true),
      offset: data.getUint32(at + 42, true),
    };
    zip64Fields(entry, data, at + 46 + nameLength, extraLength);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** A field saturated at 0xffffffff is in the Zip64 extra field (id 1), in this order. */
function zip64Fields(entry, data, start, length) {
  const wanted = ["size", "compressedSize", "offset"].filter((key) => entry[key] === 0xffffffff);
  if (wanted.length === 0) return;
  for (let at = start; at + 4 <= start + length; ) {
    const id = data.getUint16(at, true);
    const size = data.getUint16(at + 2, true);
    if (id === 1) {
      wanted.forEach((key, index) => {
        if (8 * index + 8 > size) throw new ZipError("damaged", entry.name);
        entry[key] = u64(data, at + 4 + 8 * index);
      });
      return;
    }
    at += 4 + size;
  }
  throw new ZipError("damaged", entry.name);
}

let crcTable = null;
function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// Deflate expands at most about 1 000 times: the inflater turns each piece it is given into
// output at once, whoever reads it, so pieces of 4 KB keep what it makes ahead of the reader
// to about 4 MB, even for a zip made to explode.
const PIECE = 4096;

/** Writes `blob` into `writer` piece by piece, each after the one before was taken. */
async function feed(blob, writer) {
  const input = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await input.read();
      if (done) break;
      for (let at = 0; at < value.length; at += PIECE) await writer.write(value.subarray(at, at + PIECE));
    }
    await writer.close();
  } catch (error) {
    input.cancel().catch(() => undefined);
    throw error;
  }
}

/**
 * One entry's bytes. Reading stops at the size the directory declared, whatever the entry
 * really holds (a zip may lie to look small: that one is refused as "bigger", never inflated
 * past it). The caller checks the declared size against its cap first: the bytes are kept in
 * one buffer of that size.
 * @param {Blob} blob @param {Entry} entry @returns {Promise<Uint8Array>}
 */
export async function readEntry(blob, entry) {
  if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) throw new ZipError("unreadable", entry.name);
  if (entry.offset + 30 > blob.size) throw new ZipError("damaged", entry.name);
  const local = await view(blob, entry.offset, entry.offset + 30);
  if (local.getUint32(0, true) !== LOCAL) throw new ZipError("damaged", entry.name);
  // The local header's own name and extra lengths (its extra field may differ from the
  // directory's); the sizes come from the directory (a data descriptor may follow the data).
  const start = entry.offset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  if (start + entry.compressedSize > blob.size) throw new ZipError("damaged", entry.name);
  const raw = blob.slice(start, start + entry.compressedSize);
  const out = new Uint8Array(entry.size);
  let got = 0;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipError("damaged", entry.name);
    out.set(new Uint8Array(await raw.arrayBuffer()));
    got = entry.size;
  } else {
    const inflater = new DecompressionStream("deflate-raw");
    // Its failure (not deflate data, cut short) shows on the reading side as well.
    feed(raw, inflater.writable.getWriter()).catch(() => undefined);
    const reader = inflater.readable.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (got + value.length > entry.size) {
          reader.cancel().catch(() => undefined);
          throw new ZipError("bigger", entry.name);
        }
        out.set(value, got);
        got += value.length;
      }
    } catch (error) {
      if (error instanceof ZipError) throw error;
      throw new ZipError("damaged", entry.name); // DecompressionStream: not valid deflate data
    }
  }
  if (got !== entry.size || crc32(out) !== entry.crc) throw new ZipError("damaged", entry.name);
  return out;
}
