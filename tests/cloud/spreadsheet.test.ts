// Reading the uploaded roll file: whatever Excel or WPS saved (UTF-8, UTF-8
// with BOM, GBK, UTF-16, XLSX), the committee gets the same rows, the same
// row numbers and so the same preview; files too large or unreadable are
// refused with a code and a Chinese message.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { readSpreadsheet, rollTemplateBytes, SPREADSHEET_MAX_BYTES } from '../../src/cloud/kit/spreadsheet'
import { numberText } from '../../src/cloud/kit/xlsx/read'
import { writeXlsx } from '../../src/cloud/kit/xlsx/write'
import { sha256 } from '../../src/cloud/kit/sha256'
import { previewRoll, rollCanonicalText } from '../../src/domain/roll-import'

const HEADER = '楼栋,房号,面积,面积依据,业主编号,业主姓名,手机号,开发商未售'
/**
 * Row 2 and 3: one owner (two co-owners, written on two lines in one cell) with
 * two units; row 4 blank; row 5 a developer-unsold unit; row 6 repeats row 5.
 */
const ROLL_CSV = [
  HEADER,
  '1栋,0101,89.36,登记,O1,"张三\n李四",13800000001,否',
  '1栋,0102,102.18,登记,O1,"张三\n李四",13800000001,否',
  '',
  '2栋,0101,95.52,实测,DEV,某某地产,,是',
  '2栋,0101,95.52,实测,DEV,某某地产,,是',
].join('\r\n')

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'))

/** What the committee would be shown, by hand: rows 2, 3, 5 on the roll, row 6 a duplicate of row 5. */
function expectTheRoll(rows: string[][]) {
  const p = previewRoll(rows)
  expect(p.units.map((u) => [u.row, u.building, u.unitNo, u.area, u.ownerNames, u.developerUnsold])).toEqual([
    [2, '1栋', '0101', 8936, '张三、李四', false],
    [3, '1栋', '0102', 10218, '张三、李四', false],
    [5, '2栋', '0101', 9552, '某某地产', true],
  ])
  // 89.36 + 102.18 + 95.52 = 287.06 m²; heads: O1 and the developer.
  expect(p.summary).toMatchObject({ units: 3, area: 28706, heads: 2 })
  expect(p.problems.map((x) => [x.row, x.code, x.otherRow])).toEqual([[6, 'DUPLICATE_UNIT', 5]])
  return p
}

describe('CSV in every encoding Excel and WPS write', () => {
  test('plain UTF-8: a quoted line break stays one row, a blank row keeps its number', async () => {
    const s = await readSpreadsheet(utf8(ROLL_CSV), '名册.csv')
    expect(s).toMatchObject({ format: 'csv', encoding: 'utf8' })
    expect(s.rows).toHaveLength(6)
    expect(s.rows[1][5]).toBe('张三\n李四')
    expect(s.rows[3]).toEqual([])
    expectTheRoll(s.rows)
  })

  test('UTF-8 with BOM (Excel「CSV UTF-8」), GBK (Excel「CSV」in Chinese), UTF-16 and tab-separated give the same preview', async () => {
    const plain = previewRoll((await readSpreadsheet(utf8(ROLL_CSV), 'a.csv')).rows)
    const gbkBytes = new Uint8Array(iconv.encode(ROLL_CSV, 'gbk'))
    // The GBK bytes really are not UTF-8, so this exercises the fallback.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbkBytes)).toThrow()
    const variants: Array<[Uint8Array, string]> = [
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(ROLL_CSV)]), 'utf8'],
      [gbkBytes, 'gbk'],
      [new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROLL_CSV, 'utf16le')])), 'utf16le'],
      [new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ROLL_CSV, 'utf16le').swap16()])), 'utf16be'],
      [new Uint8Array(iconv.encode(ROLL_CSV.replace(/,/g, '\t'), 'gbk')), 'gbk'],
      [utf8(ROLL_CSV.replace(/\r\n/g, '\n')), 'utf8'],
    ]
    for (const [bytes, encoding] of variants) {
      const s = await readSpreadsheet(bytes, '名册.csv')
      expect(s.encoding).toBe(encoding)
      expect(s.rows[0][0]).toBe('楼栋')
      expect(previewRoll(s.rows)).toEqual(plain)
    }
  })

  test('GBK covers the characters of real names (生僻字 in GBK, full-width marks)', async () => {
    const text = `${HEADER}\r\n１栋,0101,89.36,登记,O1,欧阳喆、赟珺,,否\r\n`
    const s = await readSpreadsheet(new Uint8Array(iconv.encode(text, 'gbk')), 'a.csv')
    expect(s.encoding).toBe('gbk')
    expect(previewRoll(s.rows).units[0]).toMatchObject({ building: '1栋', ownerNames: '欧阳喆、赟珺' })
  })
})

test('a Node without the GBK table (small ICU) refuses a GBK file with a clear message, and still reads UTF-8', async () => {
  const RealDecoder = jest.requireActual<typeof import('node:util')>('node:util').TextDecoder
  await jest.isolateModulesAsync(async () => {
    jest.doMock('node:util', () => ({
      ...jest.requireActual('node:util'),
      TextDecoder: class extends RealDecoder {
        constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) {
          if (label && /gb/i.test(label)) throw new RangeError(`The "${label}" encoding is not supported`)
          super(label, options)
        }
      },
    }))
    const { readSpreadsheet: read } = await import('../../src/cloud/kit/spreadsheet')
    await expect(read(new Uint8Array(iconv.encode(ROLL_CSV, 'gbk')), '名册.csv')).rejects.toMatchObject({ code: 'ROLL.UNREADABLE', message: expect.stringContaining('CSV UTF-8') })
    expect((await read(utf8(ROLL_CSV), '名册.csv')).encoding).toBe('utf8')
  })
})

describe('XLSX', () => {
  /**
   * The roll above as exceljs 4.4.0 wrote it (tests/fixtures/xlsx/README.md):
   * units typed as numbers and shown with four digits by the cell format, 楼栋
   * merged over the owner's two units (as committees often do), rich text, a
   * formula, booleans, a date in J6 beside the roll, and a second sheet.
   */
  const rollWorkbook = (): Uint8Array => new Uint8Array(readFileSync(join(__dirname, '../fixtures/xlsx/roll-exceljs.xlsx')))

  test('reads the first sheet with the same rows and preview as the CSV: numbers, merged cells, formulas, rich text, booleans', async () => {
    const s = await readSpreadsheet(rollWorkbook(), '名册.xlsx')
    expect(s).toMatchObject({ format: 'xlsx', sheetName: '业主名册' })
    expect(s.rows[1]).toEqual(['1栋', '0101', '89.36', '登记', 'O1', '张三、李四', '13800000001', '否'])
    expect(s.rows[2]).toEqual(['1栋', '0102', '102.18', '登记', 'O1', '张三、李四', '13800000001', 'FALSE'])
    expect(s.rows[3]).toEqual([])
    expect(s.rows[4][2]).toBe('95.52')
    expect(s.rows[4][7]).toBe('TRUE')
    expect(s.rows[5]).toEqual(['2栋', '0101', '95.52', '实测', 'DEV', '某某地产', '', '是', '', '2026-01-15'])
    const fromXlsx = expectTheRoll(s.rows)
    const fromCsv = previewRoll((await readSpreadsheet(utf8(ROLL_CSV), 'a.csv')).rows)
    expect(fromXlsx.units).toEqual(fromCsv.units)
    expect(fromXlsx.summary).toEqual(fromCsv.summary)
  })

  test('a renamed file is read by its content; the name only appears in messages', async () => {
    const s = await readSpreadsheet(rollWorkbook(), '名册.csv')
    expect(s.format).toBe('xlsx')
  })

  test.each([
    [89.36, undefined, '89.36'],
    [102.1, undefined, '102.1'],
    [0.1 + 0.2, undefined, '0.3'],
    [89.35999999999999, undefined, '89.36'],
    [13800138000, undefined, '13800138000'],
    [101, '0000', '0101'],
    [101, '0', '101'],
    [120, '0.00', '120'],
  ])('the number %p (format %p) reads as %p, as Excel shows it', (n, fmt, text) => {
    expect(numberText(n, fmt)).toBe(text)
  })
})

describe('limits and unreadable files', () => {
  test(`a file over 10 MB is refused before it is read`, async () => {
    const big = new Uint8Array(SPREADSHEET_MAX_BYTES + 1).fill(0x41)
    await expect(readSpreadsheet(big, '名册.csv')).rejects.toMatchObject({ code: 'ROLL.FILE_TOO_LARGE', message: expect.stringContaining('超过 10 MB') })
  })

  test('exactly 10 MB is not refused for its size', async () => {
    const text = `${HEADER}\n${'x'.repeat(SPREADSHEET_MAX_BYTES - Buffer.byteLength(HEADER) - 1)}`
    expect(utf8(text).byteLength).toBe(SPREADSHEET_MAX_BYTES)
    expect((await readSpreadsheet(utf8(text), 'a.csv')).rows).toHaveLength(2)
  })

  test('100,000 data rows are read; 100,001 are refused', async () => {
    expect((await readSpreadsheet(utf8(`楼栋\n${'x\n'.repeat(100_000)}`), 'a.csv')).rows).toHaveLength(100_001)
    await expect(readSpreadsheet(utf8(`楼栋\n${'x\n'.repeat(100_001)}`), 'a.csv')).rejects.toMatchObject({ code: 'ROLL.TOO_MANY_ROWS', message: expect.stringContaining('100,000') })
    // Far too many lines is refused before parsing.
    await expect(readSpreadsheet(utf8(`楼栋\n${'x\n'.repeat(500_000)}`), 'a.csv')).rejects.toMatchObject({ code: 'ROLL.TOO_MANY_ROWS' })
  })

  test('blank rows do not count toward the row limit', async () => {
    const s = await readSpreadsheet(utf8(`楼栋\n${'x\n\n'.repeat(100_000)}`), 'a.csv')
    expect(s.rows).toHaveLength(200_000)
  })

  test('an XLSX with 100,000 data rows is read; 100,001 are refused', async () => {
    const rows = (n: number) => [['楼栋'], ...Array.from({ length: n }, () => ['x'])]
    expect((await readSpreadsheet(writeXlsx({ name: '名册', rows: rows(100_000) }), '名册.xlsx')).rows).toHaveLength(100_001)
    await expect(readSpreadsheet(writeXlsx({ name: '名册', rows: rows(100_001) }), '名册.xlsx')).rejects.toMatchObject({ code: 'ROLL.TOO_MANY_ROWS', message: expect.stringContaining('100,000') })
  })

  test.each([
    ['an empty file', new Uint8Array(0), 'a.csv', '文件是空的'],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'a.xls', '.xls'],
    ['a broken zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), 'a.xlsx', '.xlsx'],
    ['text named .xlsx', utf8(ROLL_CSV), 'a.xlsx', '.xlsx'],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'a.csv', 'CSV UTF-8'],
    ['an unclosed quote', utf8(`${HEADER}\n1栋,0101,89.36,登记,O1,"张三,,否\n1栋,0102`), 'a.csv', '第 2 行'],
  ])('%s is ROLL.UNREADABLE with a message that says why', async (_what, bytes, name, hint) => {
    const e = await readSpreadsheet(bytes, name).then(
      () => null,
      (x: unknown) => x as { code: string; message: string },
    )
    expect(e).toMatchObject({ code: 'ROLL.UNREADABLE' })
    expect(e?.message).toContain(name)
    expect(e?.message).toContain(hint)
  })
})

test('the template downloads as UTF-8 with a BOM and reads back with its example rows caught', async () => {
  const bytes = rollTemplateBytes()
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const s = await readSpreadsheet(bytes, '业主名册模板.csv')
  expect(s.rows[0]).toEqual(HEADER.split(','))
  expect(previewRoll(s.rows).problems.map((p) => [p.row, p.code])).toEqual([
    [2, 'TEMPLATE_EXAMPLE'],
    [3, 'TEMPLATE_EXAMPLE'],
  ])
})

test('the fingerprint is the same for the same roll in any file form and order, and changes with the roll', async () => {
  const rollCsv = ROLL_CSV.split('\r\n').slice(0, 5).join('\r\n') // without the duplicate row
  const fp = async (bytes: Uint8Array, name: string) => {
    const p = previewRoll((await readSpreadsheet(bytes, name)).rows)
    expect(p.committable).toBe(true)
    return sha256(rollCanonicalText(p.units))
  }
  const base = await fp(utf8(rollCsv), 'a.csv')
  const [h, a, b, blank, c] = rollCsv.split('\r\n')
  expect(await fp(new Uint8Array(iconv.encode([h, c, blank, b, a].join('\r\n'), 'gbk')), 'b.csv')).toBe(base)
  expect(await fp(utf8(rollCsv.replace('102.18', '102.19')), 'c.csv')).not.toBe(base)
})
