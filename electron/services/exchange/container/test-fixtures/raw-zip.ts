import zlib from 'node:zlib';

/** One entry as a test wants it written, including what a well-behaved writer would never write. */
export interface RawEntry {
  name: string | Buffer;
  data: Buffer;
  /** 0 stored, 8 deflated (default 0), or anything else to test unknown methods (data is then stored as is). */
  method?: number;
  /** The uncompressed size the headers claim (default: the truth). */
  declaredSize?: number;
  /** Default: a regular file, rw-r--r-- (0o100644 in the upper 16 bits). */
  externalAttributes?: number;
  /** Default 0x033f: Unix, APPNOTE 6.3. */
  versionMadeBy?: number;
  /** Default 0x0800 (UTF-8 names). */
  flags?: number;
  extra?: Buffer;
  comment?: Buffer;
  /** CRC-32 the headers claim (default: the truth). */
  crc?: number;
  /** A different name in the local header than in the central directory. */
  localName?: Buffer;
  /** Where the central directory says the local header is (default: where it is). */
  centralOffset?: number;
}

/**
 * Writes a zip byte by byte from a list of entries with chosen names, modes, methods, flags and
 * declared sizes: the hostile packages a zip library refuses to make. No data descriptors; zip64 end
 * records only when the entry count needs them.
 */
export function rawZip(entries: RawEntry[], options: { comment?: Buffer } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const method = e.method ?? 0;
    const packed = method === 8 ? zlib.deflateRawSync(e.data) : e.data;
    const crc = e.crc ?? zlib.crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const flags = e.flags ?? 0x0800;
    const extra = e.extra ?? Buffer.alloc(0);
    const comment = e.comment ?? Buffer.alloc(0);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5021, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    const localName = e.localName ?? name;
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, localName, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.versionMadeBy ?? 0x033f, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5021, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt16LE(comment.length, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(e.externalAttributes ?? (0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(e.centralOffset ?? offset, 42);
    centrals.push(central, name, extra, comment);
    offset += 30 + localName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = options.comment ?? Buffer.alloc(0);
  // More entries than a 16-bit count holds: the zip64 end record and locator carry the count.
  const zip64 = entries.length >= 0xffff;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  if (!zip64) return Buffer.concat([...locals, directory, end, comment]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(0x032d, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries.length), 24);
  record.writeBigUInt64LE(BigInt(entries.length), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, directory, record, locator, end, comment]);
}
