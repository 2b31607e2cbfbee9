// A ZIP's files by name, read with the app's own reader (central directory
// first, every CRC checked with Node's zlib), which shares nothing with the
// writer but the format.
import { openZip } from '../../src/cloud/kit/xlsx/zip'

export function unzipAll(zip: Uint8Array): Record<string, Uint8Array> {
  const archive = openZip(zip)
  return Object.fromEntries(archive.entries.map((e) => [e.name, new Uint8Array(archive.read(e, 64 * 1024 * 1024))]))
}
