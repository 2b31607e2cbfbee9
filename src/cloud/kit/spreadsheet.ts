// Turns an uploaded spreadsheet (CSV or XLSX) into rows of text as the
// committee sees them in Excel or WPS, row numbers included. Node only: it
// decodes bytes with Node's own TextDecoder (GBK too: full ICU) and reads
// XLSX with our own reader (./xlsx), so a cloud function bundles no codec or
// spreadsheet package; what the rows mean is the domain's business
// (src/domain/roll-import.ts).
import { TextDecoder } from 'node:util'
import { parseCsv } from '../../domain/csv'
import { AppError, isAppError } from '../../domain/errors'
import { rollTemplateCsv } from '../../domain/roll-import'
import { BLANK_ROW as BLANK, readXlsx, XlsxError } from './xlsx/read'

/** 10 MB: a 100,000-unit roll is about 5 MB as CSV and 4 MB as XLSX. */
export const SPREADSHEET_MAX_BYTES = 10 * 1024 * 1024
/** Non-blank rows under the header; the largest communities have some tens of thousands of units. */
export const SPREADSHEET_MAX_DATA_ROWS = 100_000

export type TextEncodingName = 'utf8' | 'gbk' | 'utf16le' | 'utf16be'

export interface SpreadsheetRows {
  /**
   * `rows[i]` is spreadsheet row i + 1 (row 1 is normally the header). Blank
   * rows inside the sheet are kept as empty (frozen) arrays, so row numbers
   * stay the ones the committee sees; blank rows at the end are dropped.
   */
  rows: string[][]
  /** The worksheet read (XLSX only): the first visible one. */
  sheetName?: string
  format: 'csv' | 'xlsx'
  /** How a CSV was decoded. */
  encoding?: TextEncodingName
}

const MB = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`

const unreadable = (fileName: string, why: string): AppError => new AppError('ROLL.UNREADABLE', `无法读取「${fileName}」：${why}`, { fileName })
const tooManyRows = (rows: number | null): AppError =>
  new AppError('ROLL.TOO_MANY_ROWS', `表格超过 ${SPREADSHEET_MAX_DATA_ROWS.toLocaleString('en-US')} 行，无法导入；请检查是否选错了文件`, { limit: SPREADSHEET_MAX_DATA_ROWS, rows })

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => b.length >= sig.length && sig.every((x, i) => b[i] === x)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
/** Old binary .xls, and also a password-protected .xlsx. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/**
 * Reads the first sheet of a CSV or XLSX file. The bytes decide the format
 * (a renamed file still opens); the name is only for messages. Refuses, with
 * a Chinese message, a file over 10 MB (ROLL.FILE_TOO_LARGE), one with more
 * than 100,000 data rows (ROLL.TOO_MANY_ROWS) and anything it cannot read
 * (ROLL.UNREADABLE).
 */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<SpreadsheetRows> {
  if (bytes.byteLength > SPREADSHEET_MAX_BYTES) {
    throw new AppError('ROLL.FILE_TOO_LARGE', `文件 ${MB(bytes.byteLength)}，超过 ${MB(SPREADSHEET_MAX_BYTES)} 的上限；请只保留业主名册这一张表后再上传`, {
      bytes: bytes.byteLength,
      limit: SPREADSHEET_MAX_BYTES,
    })
  }
  if (bytes.byteLength === 0) throw unreadable(fileName, '文件是空的')
  if (startsWith(bytes, ZIP)) return readXlsxFile(bytes, fileName)
  if (startsWith(bytes, OLE)) throw unreadable(fileName, '这是旧版 Excel（.xls）或设了密码的文件；请在 Excel 或 WPS 中另存为 .xlsx 或「CSV UTF-8」后再上传')
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw unreadable(fileName, '文件名是 .xlsx，内容却不是 Excel 工作簿；文件可能已损坏')
  return readCsv(bytes, fileName)
}

// ---- CSV ----------------------------------------------------------------

// From node:util, not the global: the page tests run these functions in jsdom, which has none.
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * GB18030, the superset of GBK, from the ICU inside Node (official builds since
 * Node 13 carry full ICU; CloudBase runs 16 and newer). A Node built with
 * small ICU has none: then GBK files get a clear refusal, never mojibake.
 */
let gb18030: TextDecoder | null | undefined
function gbDecoder(): TextDecoder | null {
  if (gb18030 === undefined) {
    try {
      gb18030 = new TextDecoder('gb18030')
    } catch {
      gb18030 = null
    }
  }
  return gb18030
}

/** UTF-16 big-endian (Excel on a Mac):「Unicode 文本」with its bytes swapped; no ICU needed. */
function utf16be(bytes: Uint8Array): string {
  const swapped = Buffer.alloc(bytes.byteLength & ~1)
  for (let i = 0; i + 1 < bytes.byteLength; i += 2) {
    swapped[i] = bytes[i + 1]
    swapped[i + 1] = bytes[i]
  }
  return swapped.toString('utf16le')
}

/**
 * BOM first (Excel's「CSV UTF-8」writes one, its「Unicode 文本」writes UTF-16);
 * then bytes that are valid UTF-8 are UTF-8; anything else is what Excel in
 * Chinese saves as plain「CSV」: code page 936, decoded as GB18030, its superset.
 * Null when the bytes are GBK and this Node cannot decode it.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: buf.toString('utf8', 3), encoding: 'utf8' }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: buf.toString('utf16le', 2), encoding: 'utf16le' }
  if (startsWith(bytes, [0xfe, 0xff])) return { text: utf16be(bytes.subarray(2)), encoding: 'utf16be' }
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf8' }
  } catch {
    const gb = gbDecoder()
    return gb && { text: gb.decode(bytes), encoding: 'gbk' }
  }
}

/** Comma unless the first lines hold more tabs than commas (Excel's「文本文件（制表符分隔）」and「Unicode 文本」). */
function sniffDelimiter(text: string): ',' | '\t' {
  let end = 0
  for (let lines = 0; lines < 10 && end >= 0; lines++) end = text.indexOf('\n', end + 1)
  const head = end < 0 ? text : text.slice(0, end)
  const count = (ch: string): number => head.split(ch).length - 1
  return count('\t') > count(',') ? '\t' : ','
}

const countBreaks = (s: string): number => {
  let n = 0
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++
  for (let i = s.indexOf('\r'); i >= 0; i = s.indexOf('\r', i + 1)) if (s.charCodeAt(i + 1) !== 10) n++
  return n
}

/** Lines with any cell text: an upper bound on records, counted without building them. */
function countFilledLines(text: string, delimiter: string): number {
  let n = 0
  let filled = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 13) {
      if (filled) n++
      filled = false
    } else if (!filled && c !== 32 && c !== 9 && text[i] !== delimiter) filled = true
  }
  return filled ? n + 1 : n
}

function readCsv(bytes: Uint8Array, fileName: string): SpreadsheetRows {
  const decoded = decodeText(bytes)
  if (!decoded) throw unreadable(fileName, '这台服务器无法识别 GBK 编码；请在 Excel 或 WPS 中另存为「CSV UTF-8」或 .xlsx 后再上传')
  const { text, encoding } = decoded
  // NUL never occurs in a text table; U+FFFD after GB18030 means the bytes were no known encoding.
  if (text.includes('\u0000') || (encoding === 'gbk' && text.includes('\ufffd'))) {
    throw unreadable(fileName, '内容不是文字表格，或编码无法识别；请在 Excel 或 WPS 中另存为「CSV UTF-8」或 .xlsx 后再上传')
  }
  const delimiter = sniffDelimiter(text)
  // A record can span lines (a quoted line break), so lines only bound the
  // records; four times the limit cannot be a roll we would take, and stopping
  // here keeps a pathological 10 MB file from being parsed at all.
  if (countFilledLines(text, delimiter) > 4 * (SPREADSHEET_MAX_DATA_ROWS + 1)) throw tooManyRows(null)

  let records
  try {
    records = parseCsv(text, { delimiter })
  } catch (e) {
    if (isAppError(e)) throw unreadable(fileName, e.message)
    throw e
  }

  // parseCsv numbers text lines; a spreadsheet numbers records, and a quoted
  // line break (Alt+Enter in a cell) is one row but two lines.
  const rows: string[][] = []
  let extraBreaks = 0
  let filled = 0
  for (const rec of records) {
    const row = rec.line - extraBreaks
    while (rows.length < row - 1) rows.push(BLANK)
    const blank = rec.fields.every((f) => f.trim() === '')
    rows.push(blank ? BLANK : rec.fields)
    if (!blank) filled++
    for (const f of rec.fields) if (f.length > 0 && (f.includes('\n') || f.includes('\r'))) extraBreaks += countBreaks(f)
  }
  while (rows.length > 0 && rows[rows.length - 1] === BLANK) rows.pop()
  if (filled - 1 > SPREADSHEET_MAX_DATA_ROWS) throw tooManyRows(filled - 1)
  return { rows, format: 'csv', encoding }
}

// ---- XLSX ---------------------------------------------------------------

/** Columns a sheet may use: a roll has 9 and a quarterly report 4; this bounds the memory of a row. */
export const SPREADSHEET_MAX_COLUMNS = 100

const NOT_A_WORKBOOK = '不是有效的 .xlsx 工作簿（可能已损坏，或是 WPS/Numbers 的其他格式）；请另存为 .xlsx 或「CSV UTF-8」后再上传'

async function readXlsxFile(bytes: Uint8Array, fileName: string): Promise<SpreadsheetRows> {
  try {
    const sheet = await readXlsx(bytes, { maxFilledRows: SPREADSHEET_MAX_DATA_ROWS + 1, maxColumns: SPREADSHEET_MAX_COLUMNS })
    return { rows: sheet.rows, sheetName: sheet.name, format: 'xlsx' }
  } catch (e) {
    if (!(e instanceof XlsxError)) throw e
    switch (e.reason) {
      case 'too-many-rows':
        throw tooManyRows(null)
      case 'too-large':
        // A few MB that inflate past hundreds: a zip bomb, or a workbook far beyond any roll.
        throw new AppError('ROLL.FILE_TOO_LARGE', `「${fileName}」解压后内容过大，无法导入；请只保留业主名册这一张表后再上传`, { fileName })
      case 'too-wide':
        throw new AppError('ROLL.TOO_MANY_COLUMNS', `「${fileName}」${e.message}，无法导入；请删去多余的列后再上传`, { fileName, ...e.details })
      case 'encrypted':
        throw unreadable(fileName, '文件设了密码；请在 Excel 或 WPS 中取消密码后再上传')
      case 'no-sheet':
        throw unreadable(fileName, '工作簿里没有工作表')
      default:
        throw unreadable(fileName, NOT_A_WORKBOOK)
    }
  }
}

// ---- the template ---------------------------------------------------------

export const ROLL_TEMPLATE_FILE_NAME = '业主名册模板.csv'

/** The template as UTF-8 with a BOM: without one, Excel in Chinese opens UTF-8 as GBK and shows mojibake. */
export function rollTemplateBytes(): Uint8Array {
  return new Uint8Array(Buffer.from(`\ufeff${rollTemplateCsv()}`, 'utf8'))
}
