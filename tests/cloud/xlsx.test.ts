// Our own .xlsx reader and writer (src/cloud/kit/xlsx): files written by
// exceljs and by hand in the forms other tools use read as Excel shows them;
// what we write reads back the same; and a file is never trusted — broken,
// encrypted, oversized when inflated, or too wide, each gets its own answer.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readSpreadsheet } from '../../src/cloud/kit/spreadsheet'
import { readXlsx, XLSX_LIMITS, type XlsxFailure } from '../../src/cloud/kit/xlsx/read'
import { columnLetters, writeXlsx } from '../../src/cloud/kit/xlsx/write'
import { crc32, crc32Portable, openZip, writeZip } from '../../src/cloud/kit/xlsx/zip'
import { previewRoll } from '../../src/domain/roll-import'
import { bomb, bombEntry, deflated, rawZip, sheetOf, workbookEntries } from '../support/zip-bytes'

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(__dirname, '../fixtures/xlsx', name)))
const HEADER = ['楼栋', '房号', '面积', '面积依据', '业主编号', '业主姓名', '手机号', '开发商未售']

async function failure(p: Promise<unknown>): Promise<{ reason: XlsxFailure; message: string; details: Record<string, unknown> }> {
  return p.then(
    () => {
      throw new Error('expected a refusal')
    },
    (e: { reason: XlsxFailure; message: string; details: Record<string, unknown> }) => e,
  )
}

describe('reading what others wrote', () => {
  test('exceljs: shared strings, 0000-formatted unit numbers, rich text, a merged 楼栋, a formula, booleans, a date; the first sheet', async () => {
    const s = await readXlsx(fixture('roll-exceljs.xlsx'))
    expect(s.name).toBe('业主名册')
    expect(s.rows).toEqual([
      HEADER,
      ['1栋', '0101', '89.36', '登记', 'O1', '张三、李四', '13800000001', '否'],
      // A3 is empty in the file: the merge A2:A3 shows 1栋 in it.
      ['1栋', '0102', '102.18', '登记', 'O1', '张三、李四', '13800000001', 'FALSE'],
      [],
      // C5 is =95.5+0.02, read as its cached result.
      ['2栋', '0101', '95.52', '实测', 'DEV', '某某地产', '', 'TRUE'],
      // J6 holds 2026-01-15 as serial 46037 with format 14.
      ['2栋', '0101', '95.52', '实测', 'DEV', '某某地产', '', '是', '', '2026-01-15'],
    ])
    expect(await readXlsx(fixture('roll-exceljs.xlsx'), { sheet: '填表说明' })).toEqual({ name: '填表说明', rows: [['这张表不是名册']] })
  })

  test('by hand (inline strings, x: prefixes, no positions, absolute paths, stored parts): the first visible worksheet, read as Excel shows it', async () => {
    const s = await readXlsx(fixture('handmade.xlsx'))
    // The chart sheet and the hidden 旧名册 come first in the list and are passed over.
    expect(s.name).toBe('名册 & 说明')
    expect(s.rows).toEqual([
      HEADER,
      // 101 in format 0000; 89.359999999999999 at 15 digits; a formula's string; O&amp;1; rich runs without the phonetic guide.
      ['1栋', '0101', '89.36', '登记', 'O&1', '张三、李四', '13800000001', 'FALSE'],
      // Row 3 has only empty styled cells and row 4 is missing: both blank, numbers kept.
      [],
      [],
      // A gap (B), an error value, _x000D_ and &#10; as a line break.
      ['2栋', '', '#N/A', '', '', '第一行\r\n第二行'],
      // A row without r follows row 5. 44575 in the 1904 system and an ISO date cell: both 2026-01-15.
      ['2026-01-15', '2026-01-15', '', '', '', '', '', '', '备注'],
    ])
  })

  test('a sheet by name, hidden or not; a name that is no worksheet is no-sheet', async () => {
    expect(await readXlsx(fixture('handmade.xlsx'), { sheet: '旧名册' })).toEqual({ name: '旧名册', rows: [['这是旧名册']] })
    // 图表 is a chart sheet: listed in the workbook, but no grid of cells.
    expect(await failure(readXlsx(fixture('handmade.xlsx'), { sheet: '图表' }))).toMatchObject({ reason: 'no-sheet', message: expect.stringContaining('图表') })
  })

  test('the handmade roll previews like the CSV a committee would type', async () => {
    const s = await readSpreadsheet(fixture('handmade.xlsx'), '名册.xlsx')
    const p = previewRoll(s.rows)
    expect(p.units.map((u) => [u.row, u.building, u.unitNo, u.area, u.ownerKey, u.ownerNames])).toEqual([[2, '1栋', '0101', 8936, 'O&1', '张三、李四']])
  })

  test('ZIP64 records (as .NET writes them) read like the plain ones', async () => {
    const entries = workbookEntries(sheetOf('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>'), '<sst><si><t>楼栋</t></si></sst>')
    for (const zip64 of [false, true]) expect((await readXlsx(rawZip(entries, { zip64 }))).rows).toEqual([['楼栋', '1']])
  })
})

describe('writing', () => {
  const SHEET = {
    name: '业主名册',
    header: true,
    columnWidths: [8, 8, 10, 0, 12],
    rows: [
      HEADER,
      ['1栋', '0101', 89.36, '登记', 'O1', '  张三 ', '13800000001', false],
      [],
      ['2栋', '0102', 102.1, '实测', 'A&B<C>"', '第一行\r\n第二行', null, true],
      ['3栋', '0103', -0.5, 'tab\there', '_x000D_ typed as is', 'bell\u0007', '😀欧阳喆', ''],
      [undefined, 1e21, 13800138000, 0.1 + 0.2],
    ],
  }

  test('round trip through our reader: text as typed (spaces, marks, _x…_, emoji), numbers as Excel shows them, TRUE/FALSE, gaps and blank rows', async () => {
    const s = await readXlsx(writeXlsx(SHEET))
    expect(s).toEqual({
      name: '业主名册',
      rows: [
        HEADER,
        ['1栋', '0101', '89.36', '登记', 'O1', '  张三 ', '13800000001', 'FALSE'],
        [],
        ['2栋', '0102', '102.1', '实测', 'A&B<C>"', '第一行\r\n第二行', '', 'TRUE'],
        ['3栋', '0103', '-0.5', 'tab\there', '_x000D_ typed as is', 'bell\u0007', '😀欧阳喆'],
        ['', '1e+21', '13800138000', '0.3'],
      ],
    })
  })

  test('every part is there and points at the others: content types, relationships, shared string counts, bold header frozen, widths', () => {
    const zip = openZip(writeXlsx([SHEET, { name: '填表说明', rows: [['面积保留两位小数']] }]))
    const text = (name: string): string => {
      const e = zip.find(name)
      if (!e) throw new Error(`missing ${name}`)
      return zip.read(e, 1 << 20).toString('utf8')
    }
    expect(zip.entries.map((e) => e.name).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].sort(),
    )
    const types = text('[Content_Types].xml')
    for (const part of ['/xl/workbook.xml', '/xl/worksheets/sheet1.xml', '/xl/worksheets/sheet2.xml', '/xl/styles.xml', '/xl/sharedStrings.xml']) expect(types).toContain(`PartName="${part}"`)
    expect(text('_rels/.rels')).toContain('Target="xl/workbook.xml"')
    const rels = text('xl/_rels/workbook.xml.rels')
    for (const target of ['worksheets/sheet1.xml', 'worksheets/sheet2.xml', 'styles.xml', 'sharedStrings.xml']) expect(rels).toContain(`Target="${target}"`)
    expect(text('xl/workbook.xml')).toContain('<sheet name="业主名册" sheetId="1" r:id="rId1"/><sheet name="填表说明" sheetId="2" r:id="rId2"/>')
    // Text cells by hand: 8 in the header, 6 in row 2, 5 in row 4, 6 in row 5, 1 on sheet 2 = 26, all different.
    expect(text('xl/sharedStrings.xml')).toMatch(/count="26" uniqueCount="26"/)
    // cellXfs says 2 and holds 2: plain, bold.
    expect(text('xl/styles.xml')).toMatch(/<cellXfs count="2"><xf [^>]*\/><xf [^>]*fontId="1"[^>]*\/><\/cellXfs>/)
    const sheet = text('xl/worksheets/sheet1.xml')
    expect(sheet).toContain('<dimension ref="A1:H6"/>')
    expect(sheet).toContain('<c r="A1" s="1" t="s"><v>0</v></c>')
    expect(sheet).toContain('state="frozen"')
    expect(sheet).toContain('<cols><col min="1" max="1" width="8" customWidth="1"/><col min="2" max="2" width="8" customWidth="1"/><col min="3" max="3" width="10" customWidth="1"/><col min="5" max="5" width="12" customWidth="1"/></cols>')
    expect(text('xl/worksheets/sheet2.xml')).not.toContain('state="frozen"')
  })

  test('the same workbook gives the same bytes (fixed timestamps)', () => {
    expect(Buffer.from(writeXlsx(SHEET)).equals(Buffer.from(writeXlsx(SHEET)))).toBe(true)
  })

  test('refuses what Excel would: bad or repeated sheet names, numbers that are not finite', () => {
    for (const name of ['', '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二', 'a/b', 'a[1]', "'名册'"]) expect(() => writeXlsx({ name, rows: [] })).toThrow(/工作表名/)
    expect(() => writeXlsx([{ name: '名册', rows: [] }, { name: '名册', rows: [] }])).toThrow(/重复/)
    expect(() => writeXlsx({ name: '名册', rows: [[Number.NaN]] })).toThrow(/A1/)
  })

  test.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('column %p is %p', (n, letters) => expect(columnLetters(n)).toBe(letters))
})

describe('the ZIP layer', () => {
  test('CRC-32 of "123456789" is CBF43926 (the check value of the standard), in JavaScript and natively, in one go or in pieces', () => {
    const bytes = new Uint8Array(Buffer.from('123456789'))
    expect(crc32Portable(bytes)).toBe(0xcbf43926)
    expect(crc32(bytes)).toBe(0xcbf43926)
    expect(crc32Portable(bytes.subarray(4), crc32Portable(bytes.subarray(0, 4)))).toBe(0xcbf43926)
  })

  test('what writeZip writes, openZip reads: stored when deflating does not help, non-ASCII names', async () => {
    const zip = openZip(writeZip([{ name: 'a.txt', data: 'a'.repeat(1000) }, { name: '说明.txt', data: new Uint8Array([1, 2, 3]) }]))
    expect(zip.entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['a.txt', 8, 1000],
      ['说明.txt', 0, 3],
    ])
    expect(zip.read(zip.find('a.txt')!, 1000).toString()).toBe('a'.repeat(1000))
    const pieces: Buffer[] = []
    for await (const c of zip.chunks(zip.find('说明.txt')!, 3)) pieces.push(c)
    expect([...Buffer.concat(pieces)]).toEqual([1, 2, 3])
    // Windows tools sometimes write \ or change case: found anyway.
    expect(zip.find('A.TXT')?.name).toBe('a.txt')
  })
})

describe('a file is never trusted', () => {
  const good = workbookEntries(sheetOf('<row r="1"><c r="A1" t="inlineStr"><is><t>楼栋</t></is></c></row>'))
  const zipWith = (change: (e: ReturnType<typeof deflated>) => ReturnType<typeof deflated>) => rawZip(good.map((e) => (e.name.endsWith('sheet1.xml') ? change(e) : e)))

  test.each<[string, XlsxFailure, () => Uint8Array]>([
    ['cut short (an interrupted download)', 'corrupt', () => writeXlsx({ name: '名册', rows: [['x']] }).subarray(0, 300)],
    ['a flipped byte in the sheet (CRC-32 or inflate fails)', 'corrupt', () => zipWith((e) => ({ ...e, data: e.data.map((b, i) => (i === 5 ? b ^ 0xff : b)) }))],
    ['a CRC that does not match', 'corrupt', () => zipWith((e) => ({ ...e, crc: (e.crc! + 1) >>> 0 }))],
    ['a declared size that is wrong', 'corrupt', () => zipWith((e) => ({ ...e, size: e.size! + 1 }))],
    ['a ZIP password (flag bit 0)', 'encrypted', () => zipWith((e) => ({ ...e, flags: 1 }))],
    ['bzip2 (method 12)', 'unsupported', () => zipWith((e) => ({ ...e, method: 12 }))],
    ['no workbook inside', 'corrupt', () => rawZip([deflated('hello.txt', 'hi')])],
    ['a shared string index past the table', 'corrupt', () => rawZip(workbookEntries(sheetOf('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'), '<sst><si><t>x</t></si></sst>'))],
    ['a row number past Excel’s 1,048,576', 'corrupt', () => rawZip(workbookEntries(sheetOf('<row r="1048577"><c t="inlineStr"><is><t>x</t></is></c></row>')))],
    ['a column past XFD', 'corrupt', () => rawZip(workbookEntries(sheetOf('<row r="1"><c r="XFE1" t="inlineStr"><is><t>x</t></is></c></row>')))],
    ['a cell never closed', 'corrupt', () => rawZip(workbookEntries(sheetOf('<row r="1"><c r="A1"><v>1</v></row>')))],
  ])('%s: %s', async (_what, reason, bytes) => {
    expect((await failure(readXlsx(bytes()))).reason).toBe(reason)
  })

  const MB = 1 << 20
  const OPEN_SHEET = sheetOf('').replace('</sheetData></worksheet>', '')

  test('a sheet that inflates past its cap is refused while inflating, even when its header claims 100 bytes', async () => {
    // Rows that close (so the scan goes on) but hold nothing, 3 MB of them, against a cap of 2 MB.
    const sheet = rawZip(workbookEntries(bombEntry(bomb(3, '<row r="1"></row>', OPEN_SHEET))))
    expect(await failure(readXlsx(sheet, { limits: { sheetBytes: 2 * MB } }))).toMatchObject({ reason: 'too-large' })
    // Under the default cap it inflates to the end, and then the lies in its header show.
    expect(await failure(readXlsx(sheet))).toMatchObject({ reason: 'corrupt' })
  })

  test(`text that never closes a row is held only up to ${XLSX_LIMITS.pendingChars / MB} M characters: a few hundred KB cannot take the memory`, async () => {
    const spaces = bomb(XLSX_LIMITS.sheetBytes / MB + 1, ' ', OPEN_SHEET)
    expect(spaces.length).toBeLessThan(MB)
    const before = process.memoryUsage().rss
    expect(await failure(readXlsx(rawZip(workbookEntries(bombEntry(spaces)))))).toMatchObject({ reason: 'too-large' })
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * MB)
  })

  test('an honest size past a cap is refused before inflating; the small parts and shared strings have caps too', async () => {
    expect(await failure(readXlsx(rawZip(workbookEntries(bombEntry(bomb(1), XLSX_LIMITS.sheetBytes + 1)))))).toMatchObject({ reason: 'too-large' })
    const strings = rawZip(workbookEntries(sheetOf(''), bombEntry(bomb(3, '<si><t>x</t></si>', '<sst>'))))
    expect(await failure(readXlsx(strings, { limits: { sharedStringsBytes: 2 * MB } }))).toMatchObject({ reason: 'too-large' })
    const entries = workbookEntries(sheetOf(''))
    entries[1] = { ...bombEntry(bomb(XLSX_LIMITS.partBytes / MB + 1)), name: 'xl/workbook.xml' }
    expect(await failure(readXlsx(rawZip(entries)))).toMatchObject({ reason: 'too-large' })
  })

  test('rows and columns past the caller’s limits stop the reading', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => [`第${i + 1}行`])
    expect(await failure(readXlsx(writeXlsx({ name: '名册', rows }), { maxFilledRows: 5 }))).toMatchObject({ reason: 'too-many-rows', details: { limit: 5 } })
    // Blank rows in between do not count.
    expect((await readXlsx(writeXlsx({ name: '名册', rows: [['a'], [], [], ['b']] }), { maxFilledRows: 2 })).rows).toEqual([['a'], [], [], ['b']])
    const wide = writeXlsx({ name: '名册', rows: [['楼栋'], [...Array(100).fill(''), '第 101 列']] })
    expect(await failure(readXlsx(wide, { maxColumns: 100 }))).toMatchObject({ reason: 'too-wide', details: { row: 2, column: 101, limit: 100 } })
  })
})

describe('what the committee is told (through readSpreadsheet)', () => {
  test.each<[string, string, string, () => Uint8Array]>([
    ['a broken workbook', 'ROLL.UNREADABLE', '不是有效的 .xlsx', () => writeXlsx({ name: '名册', rows: [['x']] }).subarray(0, 300)],
    ['a ZIP password', 'ROLL.UNREADABLE', '密码', () => rawZip(workbookEntries({ ...deflated('', sheetOf('')), flags: 1 }))],
    ['a zip bomb', 'ROLL.FILE_TOO_LARGE', '解压后内容过大', () => rawZip(workbookEntries(bombEntry(bomb(XLSX_LIMITS.partBytes / (1 << 20) + 1, ' ', '<worksheet><sheetData>'))))],
    ['a cell in column 101', 'ROLL.TOO_MANY_COLUMNS', '第 2 行第 101 列', () => writeXlsx({ name: '名册', rows: [['楼栋'], [...Array(100).fill(''), 'x']] })],
  ])('%s: %s with a message naming the file', async (_what, code, hint, bytes) => {
    const e = await readSpreadsheet(bytes(), '名册.xlsx').then(
      () => null,
      (x: { code: string; message: string }) => x,
    )
    expect(e).toMatchObject({ code })
    expect(e?.message).toContain('名册.xlsx')
    expect(e?.message).toContain(hint)
  })
})
