// Reads a ZIP archive of stored files the way an unzip tool does: from the
// central directory at the end, checking each file's CRC with Node's own
// zlib.crc32 (not the app's), so a test proves the archive opens elsewhere.
import { crc32 } from 'node:zlib'

export function unzipStored(zip: Uint8Array): Record<string, Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const end = zip.byteLength - 22
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('no end-of-central-directory record')
  const count = view.getUint16(end + 10, true)
  let p = view.getUint32(end + 16, true)
  const files: Record<string, Uint8Array> = {}
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`)
    if (view.getUint16(p + 10, true) !== 0) throw new Error('only stored files are expected')
    const crc = view.getUint32(p + 16, true)
    const size = view.getUint32(p + 24, true)
    const nameLength = view.getUint16(p + 28, true)
    const extra = view.getUint16(p + 30, true)
    const comment = view.getUint16(p + 32, true)
    const local = view.getUint32(p + 42, true)
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLength))
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local header for ${name}`)
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const bytes = zip.subarray(start, start + size)
    if (crc32(bytes) >>> 0 !== crc) throw new Error(`CRC mismatch in ${name}`)
    files[name] = bytes
    p += 46 + nameLength + extra + comment
  }
  return files
}
