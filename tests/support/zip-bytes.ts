// ZIP archives built byte by byte for the reader's tests: entries whose
// headers lie about their sizes, encrypted or bzip2 flags, ZIP64 records the
// way .NET's packaging writes them, and deflate streams that inflate to far
// more than they look. Deliberately separate from src/cloud/kit/xlsx/zip.ts,
// so the reader is not only ever tested against its own writer.
import * as zlib from 'node:zlib'
import { crc32Portable } from '../../src/cloud/kit/xlsx/zip'

export interface RawEntry {
  name: string
  /** The bytes as stored in the archive (already compressed for method 8). */
  data: Uint8Array
  method?: number
  flags?: number
  crc?: number
  /** What the headers claim the entry inflates to. */
  size?: number
}

/** An entry deflated the usual way, with honest headers. */
export function deflated(name: string, text: string | Uint8Array): RawEntry {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text)
  return { name, data: zlib.deflateRawSync(raw), method: 8, crc: crc32Portable(raw), size: raw.length }
}

/**
 * A deflate stream that inflates to `megabytes` MB of `pattern` repeated from
 * a few KB: one fully flushed block of 1 MB (byte-aligned, no back
 * references across it) repeated, then an empty final block.
 */
export function bomb(megabytes: number, pattern = ' ', prefix = ''): Uint8Array {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH }
  const mb = Buffer.from(pattern.repeat(Math.ceil((1 << 20) / pattern.length)))
  const block = zlib.deflateRawSync(mb, flush)
  const head = prefix ? [zlib.deflateRawSync(Buffer.from(prefix), flush)] : []
  return new Uint8Array(Buffer.concat([...head, ...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]))
}

/** An entry made of a bomb, whose headers claim `size` bytes (a lie, unless told otherwise). */
export const bombEntry = (data: Uint8Array, size = 100): RawEntry => ({ name: '', data, method: 8, crc: 0, size })

/** The archive; with `zip64`, every size and offset lives in ZIP64 fields, as .NET's System.IO.Packaging writes them. */
export function rawZip(entries: RawEntry[], { zip64 = false } = {}): Uint8Array {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const method = e.method ?? 0
    const size = e.size ?? e.data.length
    const crc = e.crc ?? crc32Portable(e.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(zip64 ? 45 : 20, 4)
    local.writeUInt16LE(e.flags ?? 0, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const extra = zip64 ? Buffer.alloc(28) : Buffer.alloc(0)
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0)
      extra.writeUInt16LE(24, 2)
      extra.writeBigUInt64LE(BigInt(size), 4)
      extra.writeBigUInt64LE(BigInt(e.data.length), 12)
      extra.writeBigUInt64LE(BigInt(offset), 20)
    }
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(zip64 ? 45 : 20, 4)
    entry.writeUInt16LE(zip64 ? 45 : 20, 6)
    entry.writeUInt16LE(e.flags ?? 0, 8)
    entry.writeUInt16LE(method, 10)
    entry.writeUInt32LE(crc, 16)
    entry.writeUInt32LE(zip64 ? 0xffffffff : e.data.length, 20)
    entry.writeUInt32LE(zip64 ? 0xffffffff : size, 24)
    entry.writeUInt16LE(name.length, 28)
    entry.writeUInt16LE(extra.length, 30)
    entry.writeUInt32LE(zip64 ? 0xffffffff : offset, 42)
    parts.push(local, name, Buffer.from(e.data))
    central.push(entry, name, extra)
    offset += local.length + name.length + e.data.length
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0)
  const tail: Buffer[] = []
  if (zip64) {
    const end64 = Buffer.alloc(56)
    end64.writeUInt32LE(0x06064b50, 0)
    end64.writeBigUInt64LE(44n, 4)
    end64.writeUInt16LE(45, 12)
    end64.writeUInt16LE(45, 14)
    end64.writeBigUInt64LE(BigInt(entries.length), 24)
    end64.writeBigUInt64LE(BigInt(entries.length), 32)
    end64.writeBigUInt64LE(BigInt(cdSize), 40)
    end64.writeBigUInt64LE(BigInt(offset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(0x07064b50, 0)
    locator.writeBigUInt64LE(BigInt(offset + cdSize), 8)
    locator.writeUInt32LE(1, 16)
    tail.push(end64, locator)
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8)
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10)
  end.writeUInt32LE(zip64 ? 0xffffffff : cdSize, 12)
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16)
  return new Uint8Array(Buffer.concat([...parts, ...central, ...tail, end]))
}

/** The smallest workbook around one sheet's XML (and shared strings, if given), every part deflated. */
export function workbookEntries(sheetXml: string | RawEntry, sharedStrings?: string | RawEntry): RawEntry[] {
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
  const part = (name: string, x: string | RawEntry): RawEntry => (typeof x === 'string' ? deflated(name, x) : { ...x, name })
  return [
    deflated('_rels/.rels', `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflated('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    deflated(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        (sharedStrings === undefined ? '' : `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`) +
        '</Relationships>',
    ),
    part('xl/worksheets/sheet1.xml', sheetXml),
    ...(sharedStrings === undefined ? [] : [part('xl/sharedStrings.xml', sharedStrings)]),
  ]
}

/** A sheet's XML around the given `<row>` elements. */
export const sheetOf = (rows: string): string => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`
