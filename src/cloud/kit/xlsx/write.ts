// Writes a plain .xlsx that Excel and WPS open: one or more sheets of text,
// numbers and TRUE/FALSE, strings shared as Excel does, an optional bold
// header row kept in view while scrolling, optional column widths. Just the
// parts a spreadsheet needs ([Content_Types].xml, the relationships,
// workbook, styles, shared strings, sheets); no themes or document
// properties, which Excel and WPS fill in themselves.
import { escapeAttribute, escapeCellText } from './xml'
import { writeZip, type ZipFile } from './zip'

export type XlsxCellValue = string | number | boolean | null | undefined

export interface XlsxSheetSpec {
  /** 1–31 characters, none of : \ / ? * [ ] (Excel's rules). */
  name: string
  rows: readonly (readonly XlsxCellValue[])[]
  /** Row 1 in bold, frozen at the top. */
  header?: boolean
  /** Widths in characters, column A first; a missing or 0 width keeps the default. */
  columnWidths?: readonly number[]
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** Style indexes in styles.xml's cellXfs. */
const STYLE_BOLD = 1

/** "A", "B", … "Z", "AA": the column letters of a 1-based column. */
export function columnLetters(col: number): string {
  let s = ''
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

function checkSheetName(name: string, seen: Set<string>): void {
  if (name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new Error(`工作表名「${name}」不合 Excel 的规则（1–31 个字符，不含 : \\ / ? * [ ]，不以 ' 开头或结尾）`)
  }
  const key = name.toLowerCase()
  if (seen.has(key)) throw new Error(`工作表名「${name}」重复`)
  seen.add(key)
}

/** Strings go to the shared table once each, as Excel saves them. */
class SharedStrings {
  readonly index = new Map<string, number>()
  uses = 0
  add(s: string): number {
    this.uses++
    let i = this.index.get(s)
    if (i === undefined) {
      i = this.index.size
      this.index.set(s, i)
    }
    return i
  }
  xml(): string {
    const items: string[] = []
    for (const s of this.index.keys()) items.push(`<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${escapeCellText(s)}</t></si>`)
    return `${DECL}<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.index.size}">${items.join('')}</sst>`
  }
}

function sheetXml(spec: XlsxSheetSpec, strings: SharedStrings): string {
  const rowsXml: string[] = []
  let maxCol = 0
  spec.rows.forEach((row, i) => {
    const r = i + 1
    const style = spec.header && r === 1 ? ` s="${STYLE_BOLD}"` : ''
    const cells: string[] = []
    row.forEach((v, j) => {
      const ref = `${columnLetters(j + 1)}${r}`
      if (v === null || v === undefined || v === '') return
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) throw new Error(`单元格 ${ref} 不是有限的数：${v}`)
        cells.push(`<c r="${ref}"${style}><v>${v}</v></c>`)
      } else if (typeof v === 'boolean') cells.push(`<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`)
      else cells.push(`<c r="${ref}"${style} t="s"><v>${strings.add(v)}</v></c>`)
      maxCol = Math.max(maxCol, j + 1)
    })
    if (cells.length) rowsXml.push(`<row r="${r}">${cells.join('')}</row>`)
  })
  const dimension = maxCol ? `A1:${columnLetters(maxCol)}${spec.rows.length}` : 'A1'
  const view = spec.header
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
  const widths = (spec.columnWidths ?? []).flatMap((w, j) => (w > 0 ? [`<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`] : []))
  return (
    `${DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="${dimension}"/>${view}<sheetFormatPr defaultRowHeight="15"/>` +
    `${widths.length ? `<cols>${widths.join('')}</cols>` : ''}<sheetData>${rowsXml.join('')}</sheetData></worksheet>`
  )
}

// 宋体 (SimSun) with the GB2312 charset: what Chinese Excel and WPS fall back to everywhere.
const STYLES =
  `${DECL}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>'

/** The workbook as .xlsx bytes; throws on a sheet name Excel would refuse or a number that is not finite. */
export function writeXlsx(sheets: XlsxSheetSpec | readonly XlsxSheetSpec[]): Uint8Array {
  const list = Array.isArray(sheets) ? (sheets as readonly XlsxSheetSpec[]) : [sheets as XlsxSheetSpec]
  if (list.length === 0) throw new Error('工作簿至少要有一张工作表')
  const seen = new Set<string>()
  for (const s of list) checkSheetName(s.name, seen)

  const strings = new SharedStrings()
  const sheetParts = list.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(s, strings) }))
  const hasStrings = strings.index.size > 0
  const n = list.length

  const files: ZipFile[] = [
    {
      name: '[Content_Types].xml',
      data:
        `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheetParts.map((p) => `<Override PartName="/${p.name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        (hasStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `${DECL}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `${DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        list.map((s, i) => `<sheet name="${escapeAttribute(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `${DECL}<Relationships xmlns="${NS_PKG_REL}">` +
        sheetParts.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
        (hasStrings ? `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    },
    { name: 'xl/styles.xml', data: STYLES },
    ...(hasStrings ? [{ name: 'xl/sharedStrings.xml', data: strings.xml() }] : []),
    ...sheetParts,
  ]
  return writeZip(files)
}
