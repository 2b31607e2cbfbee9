// The ZIP container of an .xlsx: the central directory read by hand, the
// compressed data inflated by Node's own zlib (no package to bundle). Every
// number in an uploaded file is checked before it is used: offsets inside the
// file, sizes against the caller's cap, CRC-32 after inflating. Writing makes
// a plain archive (deflate, no data descriptors, fixed 1980 timestamps so the
// same workbook gives the same bytes), laid out by the domain's ZIP writer.
import * as zlib from 'node:zlib'
import { assembleZip, crc32Portable } from '../../../domain/zip'

export type ZipFailure = 'corrupt' | 'encrypted' | 'unsupported' | 'too-large'

export class ZipError extends Error {
  constructor(
    readonly reason: ZipFailure,
    message: string,
  ) {
    super(message)
    this.name = 'ZipError'
  }
}

export interface ZipEntry {
  name: string
  method: number
  flags: number
  crc: number
  compressedSize: number
  size: number
  /** Where the compressed data starts (after the local header). */
  dataOffset: number
}

// ---- CRC-32 -----------------------------------------------------------------

// Node 20.15+ has it natively; CloudBase's Node 16/18 runtimes do not.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32
export { crc32Portable }

/** zlib's own CRC-32 where Node has it, else the same sum in JavaScript. */
export const crc32: (data: Uint8Array, crc?: number) => number = nativeCrc32 ?? crc32Portable

// ---- reading ------------------------------------------------------------------

const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50
const SIG_END = 0x06054b50
const SIG_END64 = 0x06064b50
const SIG_END64_LOCATOR = 0x07064b50
const corrupt = (why: string): ZipError => new ZipError('corrupt', why)

export interface ZipArchive {
  entries: ZipEntry[]
  /** By exact name, else ignoring case and `\` for `/` (some Windows tools write either). */
  find(name: string): ZipEntry | undefined
  /** The whole entry, refused as 'too-large' past `maxBytes`. */
  read(entry: ZipEntry, maxBytes: number): Buffer
  /** The entry in pieces of about 64 KB, for parts too large to hold at once; same cap and checks. */
  chunks(entry: ZipEntry, maxBytes: number): AsyncGenerator<Buffer>
}

/** Opens an archive from its central directory; throws ZipError when it is not a readable ZIP. */
export function openZip(bytes: Uint8Array): ZipArchive {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number): number => buf.readUInt16LE(at)
  const u32 = (at: number): number => buf.readUInt32LE(at)
  // A ≤ 10 MB file needs no 64-bit sizes, but .NET's packaging writes ZIP64
  // records anyway; their values must still fit the file.
  const u64 = (at: number): number => {
    const high = u32(at + 4)
    if (high > 0x1fffff) throw corrupt('ZIP64 数值过大')
    return high * 0x1_0000_0000 + u32(at)
  }

  // The end record sits in the last 22 bytes plus a comment of up to 64 KB.
  let end = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (u32(i) === SIG_END && i + 22 + u16(i + 20) <= buf.length) {
      end = i
      break
    }
  }
  if (end < 0) throw corrupt('找不到 ZIP 目录（文件不完整或已损坏）')
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0) throw new ZipError('unsupported', '分卷压缩的文件')
  let count = u16(end + 10)
  let cdSize = u32(end + 12)
  let cdOffset = u32(end + 16)
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = end - 20
    if (loc < 0 || u32(loc) !== SIG_END64_LOCATOR) throw corrupt('ZIP64 目录定位记录缺失')
    const end64 = u64(loc + 8)
    if (end64 + 56 > buf.length || u32(end64) !== SIG_END64) throw corrupt('ZIP64 目录记录缺失')
    count = u64(end64 + 32)
    cdSize = u64(end64 + 40)
    cdOffset = u64(end64 + 48)
  }
  if (cdOffset + cdSize > buf.length) throw corrupt('ZIP 目录超出文件末尾（文件不完整）')
  // Each central record is at least 46 bytes: a count beyond that is a lie.
  if (count * 46 > cdSize) throw corrupt('ZIP 目录条目数与大小不符')

  const entries: ZipEntry[] = []
  let p = cdOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > cdOffset + cdSize || u32(p) !== SIG_CENTRAL) throw corrupt('ZIP 目录条目损坏')
    const flags = u16(p + 8)
    const method = u16(p + 10)
    const crc = u32(p + 16)
    let compressedSize = u32(p + 20)
    let size = u32(p + 24)
    const nameLen = u16(p + 28)
    const extraLen = u16(p + 30)
    const commentLen = u16(p + 32)
    let localOffset = u32(p + 42)
    const next = p + 46 + nameLen + extraLen + commentLen
    if (next > cdOffset + cdSize) throw corrupt('ZIP 目录条目超出目录')
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen)
    // ZIP64 extra field: the 64-bit values, in this order, only for fields set to all ones.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let x = p + 46 + nameLen
      const xEnd = x + extraLen
      let found = false
      while (x + 4 <= xEnd) {
        const id = u16(x)
        const len = u16(x + 2)
        if (x + 4 + len > xEnd) break
        if (id === 0x0001) {
          let q = x + 4
          const take = (): number => {
            if (q + 8 > x + 4 + len) throw corrupt('ZIP64 附加字段过短')
            const v = u64(q)
            q += 8
            return v
          }
          if (size === 0xffffffff) size = take()
          if (compressedSize === 0xffffffff) compressedSize = take()
          if (localOffset === 0xffffffff) localOffset = take()
          found = true
          break
        }
        x += 4 + len
      }
      if (!found) throw corrupt('ZIP64 附加字段缺失')
    }
    if (localOffset + 30 > buf.length || u32(localOffset) !== SIG_LOCAL) throw corrupt(`「${name}」的本地文件头损坏`)
    // The local header's own name and extra lengths (they may differ from the central ones).
    const dataOffset = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28)
    if (dataOffset + compressedSize > buf.length) throw corrupt(`「${name}」的数据超出文件末尾（文件不完整）`)
    entries.push({ name, method, flags, crc, compressedSize, size, dataOffset })
    p = next
  }

  const exact = new Map<string, ZipEntry>()
  const loose = new Map<string, ZipEntry>()
  const looseKey = (n: string): string => n.replace(/\\/g, '/').replace(/^\//, '').toLowerCase()
  for (const e of entries) {
    if (!exact.has(e.name)) exact.set(e.name, e)
    if (!loose.has(looseKey(e.name))) loose.set(looseKey(e.name), e)
  }

  const check = (e: ZipEntry, maxBytes: number): Buffer => {
    if (e.flags & 0x0001) throw new ZipError('encrypted', '文件设了密码')
    if (e.method !== 0 && e.method !== 8) throw new ZipError('unsupported', `「${e.name}」用了不支持的压缩方式 ${e.method}`)
    if (e.size > maxBytes) throw new ZipError('too-large', `「${e.name}」解压后 ${e.size} 字节，超过上限 ${maxBytes} 字节`)
    return buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize)
  }
  const verify = (e: ZipEntry, length: number, crc: number): void => {
    if (length !== e.size || crc !== e.crc) throw corrupt(`「${e.name}」的数据校验不符（文件已损坏）`)
  }

  return {
    entries,
    find: (name) => exact.get(name) ?? loose.get(looseKey(name)),
    read(e, maxBytes) {
      const data = check(e, maxBytes)
      let out: Buffer
      if (e.method === 0) out = data
      else {
        try {
          // The declared size is only a claim: zlib itself stops at the cap.
          out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) })
        } catch (x) {
          if ((x as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError('too-large', `「${e.name}」解压后超过上限 ${maxBytes} 字节`)
          throw corrupt(`「${e.name}」无法解压（文件已损坏）`)
        }
      }
      verify(e, out.length, crc32(out))
      return out
    },
    async *chunks(e, maxBytes) {
      const data = check(e, maxBytes)
      if (e.method === 0) {
        verify(e, data.length, crc32(data))
        for (let i = 0; i < data.length; i += 1 << 16) yield data.subarray(i, Math.min(data.length, i + (1 << 16)))
        return
      }
      const inflater = zlib.createInflateRaw({ chunkSize: 1 << 16 })
      inflater.end(data)
      let length = 0
      let crc = 0
      try {
        for await (const chunk of inflater as AsyncIterable<Buffer>) {
          length += chunk.length
          if (length > maxBytes) throw new ZipError('too-large', `「${e.name}」解压后超过上限 ${maxBytes} 字节`)
          crc = crc32(chunk, crc)
          yield chunk
        }
      } catch (x) {
        if (x instanceof ZipError) throw x
        throw corrupt(`「${e.name}」无法解压（文件已损坏）`)
      } finally {
        // Also when the reader stops early (a row limit): no inflating on in the background.
        inflater.destroy()
      }
      verify(e, length, crc)
    },
  }
}

// ---- writing ------------------------------------------------------------------

export interface ZipFile {
  name: string
  data: Uint8Array | string
}

/** Each file deflated unless that does not make it smaller, dated 1980-01-01 so the same workbook gives the same bytes. */
export function writeZip(files: readonly ZipFile[]): Uint8Array {
  return assembleZip(files.map((f) => {
    const raw = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength)
    const deflated = zlib.deflateRawSync(raw)
    const stored = deflated.length >= raw.length
    return { name: f.name, method: stored ? 0 : 8, crc: crc32(raw), size: raw.length, data: stored ? raw : deflated }
  }))
}
