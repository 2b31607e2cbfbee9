// Reading the committee's owner-roll spreadsheet: find the columns, normalise
// every unit, and name each row that cannot go on the roll and why, so the
// committee fixes its file before anything is written. Pure: rows of text in,
// a preview out. Reading the file (CSV/XLSX, encodings) and hashing the
// canonical text are the cloud layer's job (src/cloud/kit/spreadsheet.ts).
import { parseHundredths } from './measure'
import { summariseRoll, type RollSummary, type RollUnit } from './roll'

/** Which area the roll records (解释 第八条: registered, else surveyed, else contract). */
export type AreaBasis = 'registered' | 'surveyed' | 'contract'

export type RollField = 'building' | 'unitNo' | 'area' | 'basis' | 'ownerKey' | 'ownerNames' | 'phones' | 'developerUnsold'

export interface RollColumn {
  field: RollField
  /** The header the template writes and messages name. */
  title: string
  required: boolean
  /** Other headers accepted for this column, compared after `headerKey`. */
  aliases: readonly string[]
  /** One line for the import page, next to the template download. */
  hint: string
}

export const ROLL_COLUMNS: readonly RollColumn[] = [
  { field: 'building', title: '楼栋', required: true, aliases: ['楼栋号', '楼号', '栋', '栋号', '楼宇', 'building', 'bldg'], hint: '如 1栋；同一栋楼写法要一致' },
  { field: 'unitNo', title: '房号', required: true, aliases: ['房间号', '房屋号', '室号', '门牌号', 'unit', 'unitno', 'room', 'roomno'], hint: '如 0101；同一栋楼内不能重复' },
  { field: 'area', title: '面积', required: true, aliases: ['建筑面积', '专有部分面积', '房屋面积', 'area'], hint: '平方米，最多两位小数' },
  { field: 'basis', title: '面积依据', required: true, aliases: ['面积来源', '面积类型', 'basis', 'areabasis'], hint: '登记、实测 或 合同（有登记面积用登记，没有用实测，再没有用合同）' },
  { field: 'ownerKey', title: '业主编号', required: true, aliases: ['业主号', '业主代码', 'ownerkey', 'ownerid'], hint: '同一业主名下的每套房填同一个编号，表决时算一人' },
  { field: 'ownerNames', title: '业主姓名', required: true, aliases: ['业主', '姓名', '业主名称', 'owner', 'ownername', 'ownernames', 'name', 'names'], hint: '共有人用顿号分开，如 张三、李四' },
  { field: 'phones', title: '手机号', required: false, aliases: ['手机', '手机号码', '电话', '联系电话', '电话号码', 'phone', 'phones', 'mobile', 'tel'], hint: '可空；多个用顿号分开' },
  { field: 'developerUnsold', title: '开发商未售', required: false, aliases: ['未售', '开发商未售出', 'developerunsold', 'unsold'], hint: '是 或 否（空着表示否）；开发商未售的房屋合计算一人' },
]

const COLUMN_OF = new Map<RollField, RollColumn>(ROLL_COLUMNS.map((c) => [c.field, c]))
const titleOf = (f: RollField): string => (COLUMN_OF.get(f) as RollColumn).title

/**
 * How a header cell is compared: full-width folded, anything in brackets
 * dropped (units such as「面积（㎡）」), spaces, `*`, `_`, `-` removed, lower case.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s*_\-.:：]/g, '')
    .toLowerCase()
}

const FIELD_BY_HEADER = new Map<string, RollField>()
for (const c of ROLL_COLUMNS) for (const name of [c.title, ...c.aliases]) FIELD_BY_HEADER.set(headerKey(name), c.field)

export interface ImportedUnit extends RollUnit {
  /** The spreadsheet row it came from (the header is row 1 in a plain sheet). */
  row: number
  basis: AreaBasis
  /** Co-owners joined by「、」. */
  ownerNames: string
  /** Phones joined by「、」; '' when none. */
  phones: string
}

export type RollProblemCode =
  /** The header has no column for a required field (row = header row). */
  | 'MISSING_COLUMN'
  /** Two header cells name the same field, so which one counts is unclear. */
  | 'DUPLICATE_COLUMN'
  /** Nothing under the header (or the sheet is empty). */
  | 'NO_UNITS'
  /** A required cell other than the area is blank; `column` names it. */
  | 'EMPTY_CELL'
  /** Same building and unit as an earlier row; `otherRow` is that row. */
  | 'DUPLICATE_UNIT'
  | 'AREA_MISSING'
  | 'AREA_ZERO'
  | 'AREA_NEGATIVE'
  | 'AREA_NOT_A_NUMBER'
  /** More than two decimal places that are not zeros: it would need rounding. */
  | 'AREA_TOO_PRECISE'
  | 'BASIS_UNKNOWN'
  /** The developer-unsold cell is not one of the accepted yes/no words. */
  | 'FLAG_UNKNOWN'
  /** This owner key was first written with other names; `otherRow` is that row. */
  | 'OWNER_NAME_CONFLICT'
  /** A row left over from the downloaded template. */
  | 'TEMPLATE_EXAMPLE'

export interface RollProblem {
  row: number
  code: RollProblemCode
  /** Chinese, ready to show after「第 N 行」. */
  message: string
  /** The column's title (楼栋, 面积, …) where one column is at fault. */
  column?: string
  /** The earlier row this one clashes with. */
  otherRow?: number
  /** The cell as written, where showing it helps. */
  value?: string
}

export type RollWarningCode =
  /** One owner key has units marked developer-unsold and units not: the key then counts as a head of its own besides the developer's one. */
  'OWNER_MIXED_DEVELOPER'

export interface RollWarning {
  row: number
  code: RollWarningCode
  message: string
  otherRow?: number
}

export interface PreviewRollOptions {
  /**
   * Keep at most this many problems in `problems` (a wrong file can have one
   * per row); `problemCount` and `problemCounts` stay exact. Default: all.
   */
  problemLimit?: number
}

export interface RollPreview {
  /** Row of the header (1 unless title rows come first); 0 for an empty sheet. */
  headerRow: number
  /** Where each recognised column was found (1-based column number). */
  columns: Array<{ field: RollField; title: string; header: string; column: number }>
  /** Header cells that name no roll column (备注 …): ignored, listed so the page can say so. */
  ignoredColumns: string[]
  /** Non-blank rows under the header. */
  rowsRead: number
  /** The rows without problems, in sheet order, normalised. */
  units: ImportedUnit[]
  /** By the legal rule, over `units` only. Not the roll until committable. */
  summary: RollSummary
  problems: RollProblem[]
  problemCount: number
  problemCounts: Partial<Record<RollProblemCode, number>>
  /** Distinct rows with at least one problem. */
  badRows: number
  warnings: RollWarning[]
  /** True only when there are units and no problem at all: a roll is taken whole or not at all. */
  committable: boolean
}

/** The template's example rows carry this owner key, so a left-over example is caught. */
export const TEMPLATE_EXAMPLE_OWNER_KEY = '示例-001'

/** Header plus two example rows: one owner (two co-owners) with two units, which count as one head. */
export const ROLL_TEMPLATE_ROWS: readonly (readonly string[])[] = [
  ROLL_COLUMNS.map((c) => c.title),
  ['1栋', '0101', '89.36', '登记', TEMPLATE_EXAMPLE_OWNER_KEY, '张三、李四', '13800000000', '否'],
  ['1栋', '0102', '102.18', '实测', TEMPLATE_EXAMPLE_OWNER_KEY, '张三、李四', '13800000000', '否'],
]

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** The downloadable template as CSV text (CRLF, no BOM: the cloud layer encodes it for Excel). */
export function rollTemplateCsv(): string {
  return ROLL_TEMPLATE_ROWS.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

// ---- cell readers -------------------------------------------------------

/** Building, unit and owner key: full-width folded, no spaces, ASCII upper case, so「１栋 a01」equals「1栋A01」. */
export const normId = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase()

const LIST_SEPARATORS = /[、,，;；/／\r\n]+/

function normNameList(s: string): string[] {
  const seen = new Set<string>()
  for (const part of s.normalize('NFKC').split(LIST_SEPARATORS)) {
    const name = part.replace(/\s+/g, ' ').trim()
    if (name) seen.add(name)
  }
  return [...seen]
}

const sortedNames = (joined: string): string => joined.split('、').sort().join('、')

function normPhones(s: string): string {
  const seen = new Set<string>()
  for (const part of s.normalize('NFKC').split(LIST_SEPARATORS)) {
    const phone = part.replace(/[\s-]+/g, '')
    if (phone) seen.add(phone)
  }
  return [...seen].join('、')
}

const BASIS: ReadonlyMap<string, AreaBasis> = new Map([
  ['登记', 'registered'],
  ['不动产登记', 'registered'],
  ['产权登记', 'registered'],
  ['实测', 'surveyed'],
  ['合同', 'contract'],
  ['registered', 'registered'],
  ['surveyed', 'surveyed'],
  ['contract', 'contract'],
])
const parseBasis = (s: string): AreaBasis | undefined => BASIS.get(s.normalize('NFKC').replace(/\s+/g, '').replace(/面积$/, '').toLowerCase())

const YES = new Set(['是', 'y', 'yes', '1', 'true'])
const NO = new Set(['', '否', 'n', 'no', '0', 'false'])
function parseFlag(s: string): boolean | undefined {
  const k = s.normalize('NFKC').trim().toLowerCase()
  if (YES.has(k)) return true
  if (NO.has(k)) return false
  return undefined
}

type AreaResult = { ok: true; value: number } | { ok: false; code: 'AREA_MISSING' | 'AREA_ZERO' | 'AREA_NEGATIVE' | 'AREA_NOT_A_NUMBER' | 'AREA_TOO_PRECISE' }

/**
 * Area in hundredths of m². Exact or refused: trailing zeros beyond two places
 * are fine (89.360 is 89.36), anything that would need rounding is not. A unit
 * suffix (㎡, m², 平方米, 平米) is tolerated; thousands separators are not,
 * because「89,36」could be a decimal comma.
 */
export function parseAreaCell(text: string): AreaResult {
  const s = text.normalize('NFKC').trim().replace(/\s*(m2|平方米|平米)$/i, '')
  if (s === '') return { ok: false, code: 'AREA_MISSING' }
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(s)
  if (!m) return { ok: false, code: 'AREA_NOT_A_NUMBER' }
  const [, sign, whole, rawFrac = ''] = m
  const frac = rawFrac.replace(/0+$/, '')
  const isZero = /^0*$/.test(whole) && frac === ''
  if (isZero) return { ok: false, code: 'AREA_ZERO' }
  if (sign === '-') return { ok: false, code: 'AREA_NEGATIVE' }
  if (frac.length > 2) return { ok: false, code: 'AREA_TOO_PRECISE' }
  const value = parseHundredths(frac ? `${whole.replace(/^0+(?=\d)/, '')}.${frac}` : whole.replace(/^0+(?=\d)/, ''))
  return value === null ? { ok: false, code: 'AREA_NOT_A_NUMBER' } : { ok: true, value }
}

const AREA_MESSAGE: Record<Exclude<AreaResult, { ok: true }>['code'], (v: string) => string> = {
  AREA_MISSING: () => '面积是空的',
  AREA_ZERO: (v) => `面积「${v}」为 0`,
  AREA_NEGATIVE: (v) => `面积「${v}」是负数`,
  AREA_NOT_A_NUMBER: (v) => `面积「${v}」不是数字（只写数字，如 89.36）`,
  AREA_TOO_PRECISE: (v) => `面积「${v}」超过两位小数，请按登记簿等依据填写，最多两位小数`,
}

// ---- the preview ---------------------------------------------------------

const isBlankRow = (cells: readonly string[] | undefined): boolean => !cells || cells.every((c) => c === undefined || c === null || String(c).trim() === '')

/** The header is the first of the first rows that names at least three roll columns (title rows above it are skipped). */
function findHeader(rows: readonly (readonly string[])[]): number {
  let firstNonBlank = -1
  for (let i = 0, seen = 0; i < rows.length && seen < 20; i++) {
    if (isBlankRow(rows[i])) continue
    if (firstNonBlank < 0) firstNonBlank = i
    seen++
    const fields = new Set<RollField>()
    for (const cell of rows[i]) {
      const f = FIELD_BY_HEADER.get(headerKey(cell ?? ''))
      if (f) fields.add(f)
    }
    if (fields.size >= 3) return i
  }
  return firstNonBlank
}

/**
 * Reads the roll from a sheet's rows: `rows[i]` is spreadsheet row i + 1, blank
 * rows included (an empty array will do), so every row number in the result is
 * the one the committee sees. Linear in the number of cells.
 */
export function previewRoll(rows: readonly (readonly string[])[], opts: PreviewRollOptions = {}): RollPreview {
  const limit = opts.problemLimit ?? Infinity
  const problems: RollProblem[] = []
  const problemCounts: Partial<Record<RollProblemCode, number>> = {}
  const badRowSet = new Set<number>()
  let problemCount = 0
  const report = (p: RollProblem): void => {
    problemCount++
    problemCounts[p.code] = (problemCounts[p.code] ?? 0) + 1
    badRowSet.add(p.row)
    if (problems.length < limit) problems.push(p)
  }
  const finish = (rest: Pick<RollPreview, 'headerRow' | 'columns' | 'ignoredColumns' | 'rowsRead' | 'units' | 'warnings'>): RollPreview => {
    const committable = problemCount === 0 && rest.units.length > 0
    return { ...rest, summary: summariseRoll(rest.units), problems, problemCount, problemCounts, badRows: badRowSet.size, committable }
  }

  const h = findHeader(rows)
  if (h < 0) {
    report({ row: 1, code: 'NO_UNITS', message: '表格是空的：没有表头，也没有房屋' })
    return finish({ headerRow: 0, columns: [], ignoredColumns: [], rowsRead: 0, units: [], warnings: [] })
  }
  const headerRow = h + 1

  const index = new Map<RollField, number>()
  const columns: RollPreview['columns'] = []
  const ignoredColumns: string[] = []
  rows[h].forEach((raw, i) => {
    const header = String(raw ?? '').trim()
    if (!header) return
    const field = FIELD_BY_HEADER.get(headerKey(header))
    if (!field) {
      ignoredColumns.push(header)
      return
    }
    const earlier = index.get(field)
    if (earlier !== undefined) {
      report({ row: headerRow, code: 'DUPLICATE_COLUMN', column: titleOf(field), message: `表头里第 ${earlier + 1} 列「${String(rows[h][earlier]).trim()}」和第 ${i + 1} 列「${header}」都是「${titleOf(field)}」，请只留一列` })
      return
    }
    index.set(field, i)
    columns.push({ field, title: titleOf(field), header, column: i + 1 })
  })
  for (const c of ROLL_COLUMNS) {
    if (c.required && !index.has(c.field)) report({ row: headerRow, code: 'MISSING_COLUMN', column: c.title, message: `表头缺少「${c.title}」列` })
  }
  if (problemCount > 0) return finish({ headerRow, columns, ignoredColumns, rowsRead: 0, units: [], warnings: [] })

  const col = (f: RollField): number => index.get(f) ?? -1
  const [cBuilding, cUnit, cArea, cBasis, cKey, cNames, cPhones, cFlag] = (['building', 'unitNo', 'area', 'basis', 'ownerKey', 'ownerNames', 'phones', 'developerUnsold'] as const).map(col)
  const used = [...index.values()]

  const units: ImportedUnit[] = []
  const warnings: RollWarning[] = []
  /** building + unit -> first row: duplicates are found in one pass. */
  const unitRow = new Map<string, number>()
  /** owner key -> the first row naming it, and the first accepted unit's developer flag. */
  const owners = new Map<string, { row: number; names: string; flagRow: number; developerUnsold: boolean; warned: boolean }>()
  let rowsRead = 0

  for (let r = h + 1; r < rows.length; r++) {
    const cells = rows[r]
    if (!cells || cells.length === 0) continue
    const cell = (c: number): string => (c < 0 ? '' : String(cells[c] ?? ''))
    if (used.every((c) => cell(c).trim() === '')) continue
    rowsRead++
    const row = r + 1
    const before = problemCount
    const empty = (f: RollField): void => report({ row, code: 'EMPTY_CELL', column: titleOf(f), message: `「${titleOf(f)}」是空的` })

    const building = normId(cell(cBuilding))
    const unitNo = normId(cell(cUnit))
    if (!building) empty('building')
    if (!unitNo) empty('unitNo')
    if (building && unitNo) {
      const k = `${building}\u0000${unitNo}`
      const first = unitRow.get(k)
      if (first === undefined) unitRow.set(k, row)
      else report({ row, code: 'DUPLICATE_UNIT', otherRow: first, message: `${building} ${unitNo} 与第 ${first} 行重复` })
    }

    const areaText = cell(cArea).trim()
    const area = parseAreaCell(areaText)
    if (!area.ok) report({ row, code: area.code, column: titleOf('area'), value: areaText, message: AREA_MESSAGE[area.code](areaText) })

    const basisText = cell(cBasis).trim()
    const basis = basisText ? parseBasis(basisText) : undefined
    if (!basisText) empty('basis')
    else if (!basis) report({ row, code: 'BASIS_UNKNOWN', column: titleOf('basis'), value: basisText, message: `面积依据「${basisText}」不认识，只能填 登记、实测 或 合同` })

    const ownerKey = normId(cell(cKey))
    if (!ownerKey) empty('ownerKey')
    else if (ownerKey === TEMPLATE_EXAMPLE_OWNER_KEY) report({ row, code: 'TEMPLATE_EXAMPLE', message: '这是模板里的示例行，请删除' })

    const names = normNameList(cell(cNames))
    const ownerNames = names.join('、')
    if (!ownerNames) empty('ownerNames')
    const owner = ownerKey && ownerNames ? owners.get(ownerKey) : undefined
    if (ownerKey && ownerNames && !owner) owners.set(ownerKey, { row, names: ownerNames, flagRow: 0, developerUnsold: false, warned: false })
    // Co-owners may be listed in any order; sorting only when the text differs keeps the usual case cheap.
    else if (owner && owner.names !== ownerNames && sortedNames(owner.names) !== sortedNames(ownerNames)) {
      report({
        row,
        code: 'OWNER_NAME_CONFLICT',
        column: titleOf('ownerNames'),
        otherRow: owner.row,
        value: ownerNames,
        message: `业主编号 ${ownerKey} 在第 ${owner.row} 行的业主是「${owner.names}」，这里是「${ownerNames}」；同一业主编号的姓名必须一致`,
      })
    }

    const phones = normPhones(cell(cPhones))
    const flagText = cell(cFlag).trim()
    const developerUnsold = parseFlag(flagText)
    if (developerUnsold === undefined) {
      report({ row, code: 'FLAG_UNKNOWN', column: titleOf('developerUnsold'), value: flagText, message: `开发商未售「${flagText}」不认识，只能填 是 或 否（也可以 Y/N、1/0、true/false，空着表示否）` })
    }

    if (problemCount !== before || !area.ok || !basis || developerUnsold === undefined) continue
    units.push({ row, building, unitNo, area: area.value, basis, ownerKey, ownerNames, phones, developerUnsold })

    // A unit without problems has its key and names, so its owner entry exists.
    const o = owners.get(ownerKey) as NonNullable<typeof owner>
    if (o.flagRow === 0) Object.assign(o, { flagRow: row, developerUnsold })
    else if (o.developerUnsold !== developerUnsold && !o.warned) {
      o.warned = true
      warnings.push({
        row,
        code: 'OWNER_MIXED_DEVELOPER',
        otherRow: o.flagRow,
        message: `业主编号 ${ownerKey} 在第 ${o.flagRow} 行${o.developerUnsold ? '是' : '不是'}开发商未售，这里${developerUnsold ? '是' : '不是'}；这个编号会在开发商之外另算一人，请确认`,
      })
    }
  }

  if (rowsRead === 0) report({ row: headerRow, code: 'NO_UNITS', message: '表头下面没有房屋数据' })
  return finish({ headerRow, columns, ignoredColumns, rowsRead, units, warnings })
}

/**
 * The roll as one canonical text: units sorted by building then unit (plain
 * code-unit order, the same on every machine), every stored field, no row
 * numbers. The cloud layer hashes it (sha256) into the roll version's
 * fingerprint, so re-importing the same roll — even re-sorted, re-saved as
 * XLSX or GBK — is recognised as no change. Changing the format means a new
 * prefix, so old fingerprints never match by accident.
 */
export function rollCanonicalText(units: readonly ImportedUnit[]): string {
  const keyed = units.map((u) => ({ k: `${u.building}\u0000${u.unitNo}`, u }))
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
  const lines = keyed.map(({ u }) => JSON.stringify([u.building, u.unitNo, u.area, u.basis, u.ownerKey, u.ownerNames, u.phones, u.developerUnsold ? 1 : 0]))
  return `roll-canonical-v1\n${lines.join('\n')}\n`
}
