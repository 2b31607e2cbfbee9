// Reads one worksheet of an .xlsx as rows of text, the way Excel or WPS show
// them: shared and inline strings, rich text, numbers at 15 digits, TRUE and
// FALSE, formula results, dates, merged cells. The sheet and its shared
// strings are inflated and scanned in pieces of about 64 KB, never held whole
// and never built into a DOM, so memory follows the rows and not the XML.
// Everything in the file is untrusted: inflated sizes, row and column numbers
// and string indexes are capped or checked, and anything off is an XlsxError.
import { StringDecoder } from 'node:string_decoder'
import { openZip, ZipError, type ZipArchive, type ZipEntry, type ZipFailure } from './zip'
import { attributes, cellString, elementPattern, relationshipId, stringItemText, unescapeXml } from './xml'

export type XlsxFailure = ZipFailure | 'no-sheet' | 'too-many-rows' | 'too-wide'

export class XlsxError extends Error {
  constructor(
    readonly reason: XlsxFailure,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'XlsxError'
  }
}

/** Caps on what one upload may inflate to; a real 100,000-row roll needs a fraction of each. */
export const XLSX_LIMITS = {
  /** workbook.xml, styles.xml, the relationship parts. */
  partBytes: 16 * 1024 * 1024,
  sharedStringsBytes: 64 * 1024 * 1024,
  sheetBytes: 256 * 1024 * 1024,
  /** Text held while waiting for the end of a row (or of a shared string): far more than any real row. */
  pendingChars: 16 * 1024 * 1024,
  /** Cells a merged range may fill in, all ranges together. */
  mergedCells: 2_000_000,
}

export type XlsxLimits = typeof XLSX_LIMITS

/** Excel's own grid: rows 1–1,048,576, columns A–XFD. */
const EXCEL_MAX_ROW = 1_048_576
const EXCEL_MAX_COLUMN = 16_384

export interface XlsxReadOptions {
  /** A sheet by name; otherwise the first visible worksheet (a chart sheet or hidden sheet is skipped). */
  sheet?: string
  /** Rows with any text, the header included; past this reading stops with 'too-many-rows'. */
  maxFilledRows?: number
  /** Text in a column past this one is refused ('too-wide'): it bounds the memory of a row. */
  maxColumns?: number
  /** Caps other than XLSX_LIMITS, for a caller that expects less. */
  limits?: Partial<XlsxLimits>
}

export interface XlsxSheet {
  name: string
  /** `rows[i]` is sheet row i + 1; a row without text is BLANK_ROW; none after the last row with text. */
  rows: string[][]
}

/** Every row without text is this one frozen array: 100,000 blank rows cost a pointer each. */
export const BLANK_ROW = Object.freeze([]) as unknown as string[]

const corrupt = (why: string): XlsxError => new XlsxError('corrupt', why)

// ---- numbers and dates as Excel shows them ---------------------------------------

/**
 * A number as Excel shows it in a General cell: 15 significant digits, so a
 * computed 89.35999999999999 reads "89.36" and 0.1+0.2 reads "0.3"; a
 * zero-padded format ("0000") keeps its zeros, so unit 0101 stays "0101".
 */
export function numberText(n: number, numFmt?: string): string {
  if (!Number.isFinite(n)) return String(n)
  if (Number.isInteger(n)) {
    const s = String(n)
    return numFmt && /^0+$/.test(numFmt) && n >= 0 ? s.padStart(numFmt.length, '0') : s
  }
  return String(Number(n.toPrecision(15)))
}

/** A date as the committee would type it: 2026-01-15, with the time only when there is one. */
function dateText(ms: number): string {
  const iso = new Date(ms).toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
}

/** Excel's built-in date and time formats, the Chinese ones (27–36, 50–58) included. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58])
const BUILTIN_FORMATS: Record<number, string> = { 1: '0', 2: '0.00', 49: '@' }

/** A custom format shows a date when it has y, m, d, h or s outside quoted text, escapes and [colour]/[$-804] tags. */
const isDateCode = (code: string): boolean => /[ymdhs]/i.test(code.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, ''))

/** Serial days since 1899-12-30 (or 1904-01-01), as UTC the way exceljs read them; whole seconds. */
function serialDateText(serial: number, date1904: boolean): string | undefined {
  const days = serial + (date1904 ? 1462 : 0)
  if (!(days >= 0 && days < 2_958_466)) return undefined
  return dateText(Math.round((days - 25569) * 86400) * 1000)
}

interface CellFormat {
  code?: string
  date: boolean
}

function parseStyles(xml: string | undefined): CellFormat[] {
  if (!xml) return []
  const custom = new Map<number, string>()
  // Only the workbook's own list: differential formats (<dxfs>) carry numFmts too.
  for (const m of (elementPattern('numFmts', '').exec(xml)?.[3] ?? '').matchAll(elementPattern('numFmt'))) {
    const a = attributes(m[1] ?? m[2])
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '')
  }
  const cellXfs = elementPattern('cellXfs', '').exec(xml)
  if (!cellXfs?.[3]) return []
  const formats: CellFormat[] = []
  for (const m of cellXfs[3].matchAll(/<(?:[\w.-]+:)?xf\b([^>]*)>/g)) {
    const id = Number(attributes(m[1]).get('numFmtId') ?? 0)
    const code = custom.get(id) ?? BUILTIN_FORMATS[id]
    formats.push({ code, date: custom.has(id) ? isDateCode(code ?? '') : BUILTIN_DATE_FORMATS.has(id) })
  }
  return formats
}

// ---- parts ---------------------------------------------------------------------

function decodePart(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.toString('utf16le', 2)
  return buf.toString('utf8', buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0)
}

interface Relationship {
  id: string
  type: string
  /** Resolved to a path inside the archive. */
  target: string
}

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1)
const relsPathOf = (path: string): string => `${dirOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`

/** A relationship target is relative to the part's folder unless it starts with `/`. */
function resolvePath(base: string, target: string): string {
  const out: string[] = []
  for (const seg of (target.startsWith('/') ? target : base + target).split('/')) {
    if (seg === '..') out.pop()
    else if (seg !== '.' && seg !== '') out.push(seg)
  }
  return out.join('/')
}

function parseRelationships(xml: string | undefined, base: string): Relationship[] {
  if (!xml) return []
  const out: Relationship[] = []
  for (const m of xml.matchAll(elementPattern('Relationship'))) {
    const a = attributes(m[1] ?? m[2])
    if (a.get('TargetMode') === 'External') continue
    out.push({ id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: resolvePath(base, a.get('Target') ?? '') })
  }
  return out
}

/** Where `unit>` at `i` closes an element: `</unit>` or `</prefix:unit>`. */
function isCloseTag(s: string, i: number): boolean {
  let j = i - 1
  if (s.charCodeAt(j) === 58) {
    j--
    while (j >= 0 && /[\w.-]/.test(s[j])) j--
  }
  return s.charCodeAt(j) === 47 && s.charCodeAt(j - 1) === 60
}

/**
 * Inflates a part piece by piece and hands `onText` only whole `unit`
 * elements (all text up to a closing tag); what follows the last one is
 * handed over at the end and returned. Closing tags are looked for in new
 * text only, and text waiting for one is capped, so a part that never closes
 * a row costs one pass and bounded memory.
 */
async function scanPart(zip: ZipArchive, entry: ZipEntry, limits: XlsxLimits, maxBytes: number, unit: string, onText: (text: string) => void): Promise<string> {
  const token = `${unit}>`
  // Enough of the text before a piece to see `</prefix:` in front of a token at its start.
  const LOOK_BACK = 64
  let decoder: StringDecoder | undefined
  let pending: string[] = []
  let pendingChars = 0
  let overlap = ''
  for await (const chunk of zip.chunks(entry, maxBytes)) {
    let text: string
    if (!decoder) {
      const utf16 = chunk[0] === 0xff && chunk[1] === 0xfe
      decoder = new StringDecoder(utf16 ? 'utf16le' : 'utf8')
      text = decoder.write(chunk.subarray(utf16 ? 2 : 0))
    } else text = decoder.write(chunk)
    const view = overlap + text
    let cut = -1
    for (let i = view.indexOf(token, Math.max(0, overlap.length - token.length + 1)); i >= 0; i = view.indexOf(token, i + 1)) if (isCloseTag(view, i)) cut = i + token.length
    if (cut > overlap.length) {
      pending.push(text.slice(0, cut - overlap.length))
      onText(pending.join(''))
      pending = [text.slice(cut - overlap.length)]
      pendingChars = pending[0].length
    } else {
      pending.push(text)
      pendingChars += text.length
    }
    if (pendingChars > limits.pendingChars) throw new XlsxError('too-large', `「${entry.name}」中一段内容过长（超过 ${limits.pendingChars} 个字符）`)
    overlap = view.length > LOOK_BACK ? view.slice(-LOOK_BACK) : view
  }
  const tail = pending.join('') + (decoder ? decoder.end() : '')
  onText(tail)
  return tail
}

// ---- cells -------------------------------------------------------------------------

const ROW = elementPattern('row')
const VALUE = /<(?:[\w.-]+:)?v\b[^>]*>([^<]*)<\/(?:[\w.-]+:)?v>/
const INLINE = /<(?:[\w.-]+:)?is\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?is>/
const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d*)$/
const MERGE = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\sref\s*=\s*["']([^"']*)["']/g

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13

/**
 * The attributes of one tag, read without a regular expression or a map (the
 * sheet has a tag per cell: this is the hot path); `want` is called with each
 * name and the raw (still escaped) value. Returns false on a malformed tag.
 */
function eachAttribute(tag: string, want: (tag: string, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void): boolean {
  let i = 0
  const n = tag.length
  while (i < n) {
    while (i < n && isSpace(tag.charCodeAt(i))) i++
    if (i >= n || tag.charCodeAt(i) === 47) return true
    const start = i
    while (i < n && tag.charCodeAt(i) !== 61 && !isSpace(tag.charCodeAt(i))) i++
    const end = i
    while (i < n && isSpace(tag.charCodeAt(i))) i++
    if (tag.charCodeAt(i) !== 61) return false
    i++
    while (i < n && isSpace(tag.charCodeAt(i))) i++
    const quote = tag.charCodeAt(i)
    if (quote !== 34 && quote !== 39) return false
    const close = tag.indexOf(quote === 34 ? '"' : "'", i + 1)
    if (close < 0) return false
    want(tag, start, end, i + 1, close)
    i = close + 1
  }
  return true
}

/** A cell's r, s and t; module state so that reading half a million cells allocates nothing for them. */
const cell = { r: undefined as string | undefined, s: 0, t: undefined as string | undefined }
const takeCellAttribute = (tag: string, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void => {
  if (nameEnd - nameStart !== 1) return
  const c = tag.charCodeAt(nameStart)
  if (c === 114) cell.r = tag.slice(valueStart, valueEnd)
  else if (c === 115) cell.s = Number(tag.slice(valueStart, valueEnd)) || 0
  else if (c === 116) cell.t = tag.slice(valueStart, valueEnd)
}
function readCellAttributes(tag: string): void {
  cell.r = undefined
  cell.s = 0
  cell.t = undefined
  if (!eachAttribute(tag, takeCellAttribute)) throw corrupt('单元格标签格式错误')
}

/** The column of a cell reference ("B2", "$AA$10"), without its row: the row element already says it. */
function columnOfRef(ref: string): number {
  let col = 0
  let letters = 0
  let i = ref.charCodeAt(0) === 36 ? 1 : 0
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20
    if (c < 97 || c > 122) break
    col = col * 26 + (c - 96)
    letters++
  }
  if (letters === 0 || letters > 3 || col > EXCEL_MAX_COLUMN) throw corrupt(`单元格位置「${ref}」无效`)
  return col
}

/**
 * Calls `fn` for each child element named `local` (any prefix) of `xml`, with
 * the text of its attributes and of its content (undefined when it is empty,
 * `<c/>`); other children are skipped whole. Closing tags are found by the
 * opening tag's own name, as well-formed XML requires.
 */
function forEachChild(xml: string, local: string, fn: (attrs: string, body: string | undefined) => void): void {
  let pos = 0
  for (let lt = xml.indexOf('<', pos); lt >= 0; lt = xml.indexOf('<', pos)) {
    let k = lt + 1
    while (k < xml.length && !isSpace(xml.charCodeAt(k)) && xml.charCodeAt(k) !== 62 && xml.charCodeAt(k) !== 47) k++
    const qname = xml.slice(lt + 1, k)
    const gt = xml.indexOf('>', k)
    if (gt < 0) throw corrupt('XML 标签不完整')
    const empty = xml.charCodeAt(gt - 1) === 47
    if (qname === '' || qname.startsWith('/') || qname.startsWith('?') || qname.startsWith('!')) {
      pos = gt + 1
      continue
    }
    let body: string | undefined
    if (empty) pos = gt + 1
    else {
      const close = xml.indexOf(`</${qname}>`, gt + 1)
      if (close < 0) throw corrupt(`<${qname}> 没有结束标签`)
      body = xml.slice(gt + 1, close)
      pos = close + qname.length + 3
    }
    const colon = qname.indexOf(':')
    if ((colon < 0 ? qname : qname.slice(colon + 1)) === local) fn(xml.slice(k, empty ? gt - 1 : gt), body)
  }
}

/** "B" → 2, "AA" → 27; 0 when it is no column. */
function columnOf(letters: string): number {
  let n = 0
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96)
  return n
}

function cellRef(ref: string): { col: number; row: number } {
  const m = CELL_REF.exec(ref)
  const col = m ? columnOf(m[1]) : 0
  if (!m || col < 1 || col > EXCEL_MAX_COLUMN) throw corrupt(`单元格位置「${ref}」无效`)
  return { col, row: m[2] ? Number(m[2]) : 0 }
}

/**
 * Reads one worksheet. Throws XlsxError: 'corrupt' (not a workbook, or broken
 * inside), 'encrypted', 'unsupported', 'too-large' (inflates past
 * XLSX_LIMITS), 'no-sheet', 'too-many-rows', 'too-wide'.
 */
export async function readXlsx(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<XlsxSheet> {
  try {
    return await readWorkbook(bytes, options)
  } catch (e) {
    if (e instanceof ZipError) throw new XlsxError(e.reason, e.message)
    throw e
  }
}

async function readWorkbook(bytes: Uint8Array, options: XlsxReadOptions): Promise<XlsxSheet> {
  const maxFilledRows = options.maxFilledRows ?? Infinity
  const maxColumns = Math.min(options.maxColumns ?? EXCEL_MAX_COLUMN, EXCEL_MAX_COLUMN)
  const limits: XlsxLimits = { ...XLSX_LIMITS, ...options.limits }
  const zip = openZip(bytes)
  const part = (path: string): string | undefined => {
    const e = zip.find(path)
    return e && decodePart(zip.read(e, limits.partBytes))
  }

  const workbookPath = parseRelationships(part('_rels/.rels'), '').find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml'
  const workbook = part(workbookPath)
  if (workbook === undefined) throw corrupt('文件里没有工作簿（workbook.xml）')
  const rels = parseRelationships(part(relsPathOf(workbookPath)), dirOf(workbookPath))
  const date1904 = /^(1|true)$/.test(attributes(/<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(workbook)?.[1] ?? '').get('date1904') ?? '')

  const sheets = [...workbook.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)].flatMap((m) => {
    const a = attributes(m[1])
    const rel = rels.find((r) => r.id === relationshipId(a))
    // Chart sheets and dialog sheets sit in the same list.
    return rel && rel.type.endsWith('/worksheet') ? [{ name: a.get('name') ?? '', hidden: /hidden/i.test(a.get('state') ?? ''), path: rel.target }] : []
  })
  const sheet = options.sheet !== undefined ? sheets.find((s) => s.name === options.sheet) : (sheets.find((s) => !s.hidden) ?? sheets[0])
  if (!sheet) throw new XlsxError('no-sheet', options.sheet !== undefined ? `工作簿里没有名为「${options.sheet}」的工作表` : '工作簿里没有工作表', { sheet: options.sheet })
  const sheetEntry = zip.find(sheet.path)
  if (!sheetEntry) throw corrupt(`工作表「${sheet.name}」的内容缺失`)

  const stylesRel = rels.find((r) => r.type.endsWith('/styles'))
  const formats = parseStyles(stylesRel && part(stylesRel.target))

  const strings: string[] = []
  const stringsRel = rels.find((r) => r.type.endsWith('/sharedStrings'))
  const stringsEntry = stringsRel && zip.find(stringsRel.target)
  if (stringsEntry) {
    const SI = elementPattern('si')
    await scanPart(zip, stringsEntry, limits, limits.sharedStringsBytes, 'si', (text) => {
      SI.lastIndex = 0
      for (let m = SI.exec(text); m; m = SI.exec(text)) strings.push(m[3] ? stringItemText(m[3]) : '')
    })
  }

  const valueText = (type: string | undefined, style: number, inner: string): string => {
    if (type === 'inlineStr') {
      const is = INLINE.exec(inner)
      return is ? stringItemText(is[1]) : ''
    }
    // Nearly every cell is `<v>…</v>` alone: no expression needed for it.
    const v = inner.startsWith('<v>') && inner.endsWith('</v>') && inner.indexOf('<', 3) === inner.length - 4 ? inner.slice(3, -4) : VALUE.exec(inner)?.[1]
    if (v === undefined || v === '') return ''
    switch (type) {
      case 's': {
        const s = strings[Number(v)]
        if (s === undefined) throw corrupt(`共享字符串 ${v} 不存在`)
        return s
      }
      case 'b':
        return v === '1' || v === 'true' ? 'TRUE' : 'FALSE'
      case 'str':
      case 'e':
        return cellString(v)
      case 'd': {
        // ISO 8601; a time without a zone is read as UTC like the serial dates, not as the server's local time.
        const iso = unescapeXml(v)
        const t = Date.parse(iso.includes('T') && !/(?:[zZ]|[+-]\d\d:?\d\d)$/.test(iso) ? `${iso}Z` : iso)
        return Number.isNaN(t) ? iso : dateText(t)
      }
      default: {
        const n = Number(v)
        if (Number.isNaN(n)) return unescapeXml(v)
        const f = formats[style]
        return (f?.date && serialDateText(n, date1904)) || numberText(n, f?.code)
      }
    }
  }

  const rows: string[][] = []
  let filled = 0
  let rowNo = 0
  const readRows = (text: string): void => {
    ROW.lastIndex = 0
    for (let m = ROW.exec(text); m; m = ROW.exec(text)) {
      const r = attributes(m[1] ?? m[2]).get('r')
      const next = r ? Number(r) : rowNo + 1
      if (!Number.isInteger(next) || next < 1 || next > EXCEL_MAX_ROW) throw corrupt(`行号「${r ?? next}」无效`)
      rowNo = next
      const inner = m[3]
      if (!inner) continue
      const cells: string[] = []
      let any = false
      let col = 0
      forEachChild(inner, 'c', (attrs, body) => {
        readCellAttributes(attrs)
        col = cell.r ? columnOfRef(cell.r) : col + 1
        if (col > EXCEL_MAX_COLUMN) throw corrupt(`第 ${rowNo} 行的列数超出 Excel 的上限`)
        if (!body) return
        const text = valueText(cell.t, cell.s, body)
        if (text === '') return
        if (col > maxColumns) throw new XlsxError('too-wide', `第 ${rowNo} 行第 ${col} 列有内容，超出 ${maxColumns} 列`, { row: rowNo, column: col, limit: maxColumns })
        for (let k = cells.length; k < col - 1; k++) cells.push('')
        cells[col - 1] = text
        if (!any && text.trim() !== '') any = true
      })
      if (!any) continue
      while (rows.length < rowNo - 1) rows.push(BLANK_ROW)
      rows[rowNo - 1] = cells
      if (++filled > maxFilledRows) throw new XlsxError('too-many-rows', `超过 ${maxFilledRows} 行`, { limit: maxFilledRows })
    }
  }
  const tail = await scanPart(zip, sheetEntry, limits, limits.sheetBytes, 'row', readRows)

  // mergeCells follows sheetData, so it is in the tail. A merged range shows
  // its first cell in every row it covers (the building merged over its
  // units); a row with nothing else typed in it stays blank.
  let mergedCells = 0
  for (const m of tail.matchAll(MERGE)) {
    const [from, to = from] = m[1].split(':')
    const a = cellRef(from)
    const b = cellRef(to)
    const value = rows[a.row - 1]?.[a.col - 1]
    if (!value) continue
    for (let r = a.row; r <= Math.min(b.row, rows.length); r++) {
      const row = rows[r - 1]
      if (row === BLANK_ROW) continue
      for (let c = a.col; c <= Math.min(b.col, maxColumns); c++) {
        if (r === a.row && c === a.col) continue
        if (++mergedCells > limits.mergedCells) throw corrupt('合并单元格过多')
        for (let k = row.length; k < c - 1; k++) row.push('')
        row[c - 1] = value
      }
    }
  }
  // Out-of-order rows (allowed by nobody, written by some tools) may have counted one row twice.
  filled = rows.reduce((n, row) => (row === BLANK_ROW ? n : n + 1), 0)
  if (filled > maxFilledRows) throw new XlsxError('too-many-rows', `超过 ${maxFilledRows} 行`, { limit: maxFilledRows })
  return { name: sheet.name, rows }
}
