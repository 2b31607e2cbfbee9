// What may be uploaded, decided from the bytes themselves (never from the
// name or the declared type): photos, documents (photos or PDF) and
// spreadsheets, each with its own size limit.
import { AppError } from './errors'

export type FilePurpose = 'photo' | 'document' | 'spreadsheet'
export type FileKind = 'jpeg' | 'png' | 'webp' | 'pdf' | 'xlsx' | 'csv'

export const FILE_LIMITS: Record<FilePurpose, { maxBytes: number; kinds: readonly FileKind[]; label: string }> = {
  photo: { maxBytes: 5 * 1024 * 1024, kinds: ['jpeg', 'png', 'webp'], label: '照片（JPG、PNG、WebP）' },
  document: { maxBytes: 10 * 1024 * 1024, kinds: ['jpeg', 'png', 'webp', 'pdf'], label: '照片或 PDF' },
  spreadsheet: { maxBytes: 10 * 1024 * 1024, kinds: ['xlsx', 'csv'], label: '表格（XLSX 或 CSV）' },
}

export const CONTENT_TYPES: Record<FileKind, string> = {
  jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8',
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x)

/** The kind of file these bytes are, by their signature; CSV is text without NUL bytes. */
export function sniffKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx'
  if (bytes.length > 0 && !bytes.subarray(0, 4096).includes(0)) return 'csv'
  return null
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`

/** Checks an upload for a purpose; returns its kind, or refuses with FILE.* codes. */
export function checkUpload(purpose: FilePurpose, bytes: Uint8Array): FileKind {
  const limit = FILE_LIMITS[purpose]
  if (bytes.length === 0) throw new AppError('FILE.EMPTY', '文件是空的')
  if (bytes.length > limit.maxBytes) throw new AppError('FILE.TOO_LARGE', `文件超过 ${mb(limit.maxBytes)}，请压缩后再上传`, { maxBytes: limit.maxBytes, size: bytes.length })
  const kind = sniffKind(bytes)
  if (!kind || !limit.kinds.includes(kind)) throw new AppError('FILE.WRONG_TYPE', `只能上传${limit.label}`, { kind })
  return kind
}
