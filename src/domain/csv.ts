// CSV text to records that keep the line each record starts on, so an import can
// tell a person exactly which line to fix. RFC 4180 quoting (a quoted field may
// hold commas, doubled quotes and line breaks), LF or CRLF, an optional UTF-8
// BOM. Pure: no files, no encodings — the caller hands in a decoded string.
import { AppError } from './errors'

export interface CsvRecord {
  /** 1-based line the record starts on (a quoted line break makes a record span lines). */
  line: number
  fields: string[]
}

export interface CsvOptions {
  /** One character; ',' unless told. */
  delimiter?: string
}

/** Errors carry `details.line`; the message starts with the line so the caller only prefixes the file name. */
function malformed(line: number, reason: string, code: `CSV.${Uppercase<string>}` = 'CSV.MALFORMED'): AppError {
  return new AppError(code, `第 ${line} 行：${reason}`, { line, reason })
}

const countLineBreaks = (s: string): number => {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++
  }
  return n
}

/** Every record of the text. Completely empty lines (such as a final newline) are not records. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  const delim = options.delimiter ?? ','
  if (delim.length !== 1 || delim === '"' || delim === '\n' || delim === '\r') throw new AppError('BAD_REQUEST', `CSV 分隔符无效：${JSON.stringify(delim)}`)
  const n = text.length
  const records: CsvRecord[] = []
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  const isBreak = (ch: string | undefined) => ch === '\n' || ch === '\r'

  while (i < n) {
    if (isBreak(text[i])) {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      continue
    }
    const recordLine = line
    const fields: string[] = []
    for (;;) {
      if (text[i] === '"') {
        const openedOn = line
        let value = ''
        let j = i + 1
        for (;;) {
          const close = text.indexOf('"', j)
          if (close < 0) throw malformed(openedOn, '引号没有闭合（从这一行开始的带引号字段一直到文件结尾都没有结束引号）')
          value += text.slice(j, close)
          if (text[close + 1] === '"') {
            value += '"'
            j = close + 2
          } else {
            j = close + 1
            break
          }
        }
        line += countLineBreaks(value)
        i = j
        if (i < n && text[i] !== delim && !isBreak(text[i])) throw malformed(line, `带引号的字段结束后紧跟着多余的字符「${text[i]}」`)
        fields.push(value)
      } else {
        let j = i
        while (j < n && text[j] !== delim && !isBreak(text[j])) j++
        fields.push(text.slice(i, j))
        i = j
      }
      if (i >= n) break
      if (text[i] === delim) {
        i++
        continue
      }
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      break
    }
    records.push({ line: recordLine, fields })
  }
  return records
}

export interface CsvRow {
  line: number
  /** Cell by header name; every header column is present ('' where the row is short). */
  cells: Readonly<Record<string, string>>
}

export interface CsvTable {
  /** Header names as written, trimmed. */
  header: string[]
  rows: CsvRow[]
}

/**
 * A CSV whose first record is a header. Columns are found by header name, so
 * their order is free and extra columns are ignored; each required column must
 * appear exactly once, and each row must reach every required column. Rows
 * whose cells are all blank (a spreadsheet's trailing ",,,") are skipped.
 */
export function readCsvTable(text: string, required: readonly string[], options: CsvOptions = {}): CsvTable {
  const records = parseCsv(text, options)
  if (records.length === 0) throw malformed(1, `文件是空的；第一行必须是表头：${required.join(',')}`, 'CSV.NO_HEADER')
  const [head, ...body] = records
  const header = head.fields.map((h) => h.trim())
  const missing = required.filter((r) => !header.includes(r))
  if (missing.length) {
    throw malformed(head.line, `表头缺少列 ${missing.join('、')}（第一行必须是表头，需要的列：${required.join(',')}；实际是：${header.join(',')}）`, 'CSV.MISSING_COLUMN')
  }
  const twice = required.filter((r) => header.indexOf(r) !== header.lastIndexOf(r))
  if (twice.length) throw malformed(head.line, `表头中列 ${twice.join('、')} 出现了不止一次，无法确定用哪一列`, 'CSV.DUPLICATE_COLUMN')
  const lastRequired = Math.max(...required.map((r) => header.indexOf(r)))

  const rows: CsvRow[] = []
  for (const r of body) {
    if (r.fields.every((f) => f.trim() === '')) continue
    if (r.fields.length <= lastRequired) {
      const short = required.filter((c) => header.indexOf(c) >= r.fields.length)
      throw malformed(r.line, `只有 ${r.fields.length} 列，缺少 ${short.join('、')} 列`, 'CSV.SHORT_ROW')
    }
    // No prototype, so a header named like an Object method is just a column.
    const cells = Object.create(null) as Record<string, string>
    header.forEach((h, k) => {
      if (!Object.hasOwn(cells, h)) cells[h] = r.fields[k] ?? ''
    })
    rows.push({ line: r.line, cells })
  }
  return { header, rows }
}

/** One CSV line (RFC 4180): a field with a comma, quote or line break is quoted, quotes doubled. */
export const csvLine = (fields: readonly (string | number)[]): string =>
  fields.map((f) => (typeof f === 'number' || !/[",\r\n]/.test(f) ? String(f) : `"${f.replace(/"/g, '""')}"`)).join(',')
