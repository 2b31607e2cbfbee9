// Writing a ZIP archive, in plain TypeScript so it runs on the server and in
// the phone's bundle alike: the CRC, the headers and the central directory.
// Compressing is the caller's business (the xlsx writer deflates with Node's
// zlib; the export download on the phone stores its few text files as they
// are). Names that are not plain ASCII are flagged UTF-8 (bit 11), as Excel
// does, so Chinese names survive.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** CRC-32 (the ZIP one), continuing from `crc` so it can run over chunks. */
export function crc32Portable(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8)
  return ~c >>> 0
}

/** UTF-8 bytes of a string (the WeChat runtime has no TextEncoder everywhere). */
export function utf8(s: string): Uint8Array {
  const out: number[] = []
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

/** An MS-DOS date and time, as ZIP headers hold them. */
export interface DosStamp {
  date: number
  time: number
}

/** 1980-01-01 00:00, the earliest a ZIP can say: the same bytes on every run. */
export const DOS_EPOCH: DosStamp = { date: (0 << 9) | (1 << 5) | 1, time: 0 }

/** A moment as Asia/Shanghai wall time, the only time owners read. */
export function dosStamp(at: number): DosStamp {
  const d = new Date(at + 8 * 60 * 60 * 1000)
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107)
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  }
}

/** One file as it goes into the archive: `data` stored (method 0) or deflated (8); crc and size of the original. */
export interface ZipMember {
  name: string
  method: 0 | 8
  crc: number
  size: number
  data: Uint8Array
}

/** The archive of these members, in order: local headers and data, then the central directory. */
export function assembleZip(members: readonly ZipMember[], stamp: DosStamp = DOS_EPOCH): Uint8Array {
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const m of members) {
    const name = utf8(m.name)
    const flags = name.length !== m.name.length ? 0x0800 : 0
    // The local header and the central entry share these fields, in this order, from `at` on.
    const common = (v: DataView, at: number) => {
      v.setUint16(at, 20, true) // version needed: 2.0
      v.setUint16(at + 2, flags, true)
      v.setUint16(at + 4, m.method, true)
      v.setUint16(at + 6, stamp.time, true)
      v.setUint16(at + 8, stamp.date, true)
      v.setUint32(at + 10, m.crc, true)
      v.setUint32(at + 14, m.data.length, true)
      v.setUint32(at + 18, m.size, true)
      v.setUint16(at + 22, name.length, true)
    }
    const local = new DataView(new ArrayBuffer(30))
    local.setUint32(0, 0x04034b50, true)
    common(local, 4)
    const entry = new DataView(new ArrayBuffer(46))
    entry.setUint32(0, 0x02014b50, true)
    entry.setUint16(4, 20, true) // made by 2.0
    common(entry, 6)
    // extra, comment, disk, internal and external attributes: all zero
    entry.setUint32(42, offset, true)
    parts.push(new Uint8Array(local.buffer), name, m.data)
    central.push(new Uint8Array(entry.buffer), name)
    offset += 30 + name.length + m.data.length
  }
  const end = new DataView(new ArrayBuffer(22))
  end.setUint32(0, 0x06054b50, true)
  end.setUint16(8, members.length, true)
  end.setUint16(10, members.length, true)
  end.setUint32(12, central.reduce((n, p) => n + p.length, 0), true)
  end.setUint32(16, offset, true)
  const all = [...parts, ...central, new Uint8Array(end.buffer)]
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0))
  let pos = 0
  for (const p of all) {
    out.set(p, pos)
    pos += p.length
  }
  return out
}

/** An archive of text files stored as they are, stamped with the moment `at`. */
export const zipTextFiles = (files: ReadonlyArray<{ name: string; text: string }>, at: number): Uint8Array =>
  assembleZip(
    files.map(({ name, text }) => {
      const bytes = utf8(text)
      return { name, method: 0, crc: crc32Portable(bytes), size: bytes.length, data: bytes }
    }),
    dosStamp(at),
  )
