// The owner-roll import as the committee and the law would check it: heads and
// area by 解释 第八、九条 against totals added up by hand, and every row that
// cannot go on the roll named by its spreadsheet row number and reason.
import { parseCsv } from '../../src/domain/csv'
import { parseAreaCell, previewRoll, rollCanonicalText, rollTemplateCsv, type RollProblem } from '../../src/domain/roll-import'

const HEADER = '楼栋,房号,面积,面积依据,业主编号,业主姓名,手机号,开发商未售'
/** One string per spreadsheet row (row 1 first); '' is a blank row. No quoted commas in these fixtures. */
const sheet = (...lines: string[]): string[][] => lines.map((l) => (l === '' ? [] : l.split(',')))
const brief = (ps: RollProblem[]) => ps.map((p) => ({ row: p.row, code: p.code, ...(p.column ? { column: p.column } : {}), ...(p.otherRow ? { otherRow: p.otherRow } : {}) }))

describe('counting by the legal rule', () => {
  test('5 units: 2 of one owner, 2 developer-unsold -> 3 heads; area is every unit added', () => {
    const p = previewRoll(
      sheet(
        HEADER,
        '1栋,0101,89.36,登记,O1,张三,13800000001,否',
        '1栋,0102,102.18,登记,O1,张三,13800000001,否',
        '1栋,0201,118.64,实测,O2,李四,,',
        '2栋,0101,95.52,合同,DEV,某某地产,,是',
        '2栋,0102,90.05,登记,DEV,某某地产,,是',
      ),
    )
    expect(p.problems).toEqual([])
    expect(p.committable).toBe(true)
    // 89.36 + 102.18 + 118.64 + 95.52 + 90.05 = 495.75 m²; heads: O1, O2, the developer.
    expect(p.summary).toEqual({
      units: 5,
      area: 49575,
      heads: 3,
      buildings: [
        { building: '1栋', units: 3, area: 31018, heads: 2 }, // 89.36 + 102.18 + 118.64
        { building: '2栋', units: 2, area: 18557, heads: 1 }, // 95.52 + 90.05
      ],
    })
  })

  test('developer-unsold units are one head together even under different owner keys', () => {
    const p = previewRoll(
      sheet(
        HEADER,
        '1栋,0101,80,登记,O1,张三,,否',
        '1栋,0102,80.5,登记,O2,李四,,否',
        '1栋,0103,100.00,登记,O3,王五,,否',
        '1栋,0104,60.25,实测,DEV-A,某某地产,,是',
        '1栋,0105,70.75,实测,DEV-B,某某地产二期,,Y',
      ),
    )
    // 80.00 + 80.50 + 100.00 + 60.25 + 70.75 = 391.50 m²; heads: O1, O2, O3, the developer.
    expect(p.summary).toMatchObject({ units: 5, area: 39150, heads: 4 })
  })

  test('one owner across two buildings is one head in all, and one head in each building', () => {
    const p = previewRoll(sheet(HEADER, '1栋,0101,89.36,登记,O1,张三,,否', '2栋,0101,89.36,登记,O1,张三,,否', '2栋,0102,50,登记,O2,李四,,否'))
    expect(p.summary).toEqual({
      units: 3,
      area: 22872, // 89.36 + 89.36 + 50.00 = 228.72
      heads: 2,
      buildings: [
        { building: '1栋', units: 1, area: 8936, heads: 1 },
        { building: '2栋', units: 2, area: 13936, heads: 2 },
      ],
    })
  })

  test('co-owners of one unit are one head; names in another order are the same owner', () => {
    const p = previewRoll(sheet(HEADER, '1栋,0101,89.36,登记,O1,张三、李四,,否', '1栋,0102,89.36,登记,O1,李四，张三,,否'))
    expect(p.problems).toEqual([])
    expect(p.summary.heads).toBe(1)
  })
})

describe('normalising a unit', () => {
  test('full-width, spaces, unit suffixes, separators and yes/no words come out in one form', () => {
    const p = previewRoll([
      HEADER.split(','),
      ['１栋 ', ' 0101', '８９．３６㎡', '实测面积', 'o1', '张三，李四 ', '138 0000 0001; 139-0000-0002', 'Y'],
      ['1栋', 'a02', '102.180', 'registered', 'O2', '王五', '', 'FALSE'],
    ])
    expect(p.problems).toEqual([])
    expect(p.units).toEqual([
      { row: 2, building: '1栋', unitNo: '0101', area: 8936, basis: 'surveyed', ownerKey: 'O1', ownerNames: '张三、李四', phones: '13800000001、13900000002', developerUnsold: true },
      { row: 3, building: '1栋', unitNo: 'A02', area: 10218, basis: 'registered', ownerKey: 'O2', ownerNames: '王五', phones: '', developerUnsold: false },
    ])
  })

  test.each([
    ['89.36', 8936],
    ['89.360', 8936],
    ['0089.5', 8950],
    ['+89.36', 8936],
    ['120', 12000],
    ['89.36 m²', 8936],
    ['89.36平方米', 8936],
    ['0.01', 1],
  ])('area %p is %p hundredths of m²', (text, hundredths) => {
    expect(parseAreaCell(text)).toEqual({ ok: true, value: hundredths })
  })

  test.each([
    ['', 'AREA_MISSING'],
    ['  ', 'AREA_MISSING'],
    ['0', 'AREA_ZERO'],
    ['0.00', 'AREA_ZERO'],
    ['-0', 'AREA_ZERO'],
    ['-89.36', 'AREA_NEGATIVE'],
    ['89.365', 'AREA_TOO_PRECISE'],
    ['0.001', 'AREA_TOO_PRECISE'],
    ['1,234.5', 'AREA_NOT_A_NUMBER'], // could be a decimal comma: refused, not guessed
    ['89,36', 'AREA_NOT_A_NUMBER'],
    ['8.936E+01', 'AREA_NOT_A_NUMBER'],
    ['89.', 'AREA_NOT_A_NUMBER'],
    ['八十九', 'AREA_NOT_A_NUMBER'],
    ['#N/A', 'AREA_NOT_A_NUMBER'],
  ])('area %p is refused as %s', (text, code) => {
    expect(parseAreaCell(text)).toEqual({ ok: false, code })
  })

  test.each([
    ['是', true],
    ['Y', true],
    ['yes', true],
    ['1', true],
    ['true', true],
    ['TRUE', true],
    ['否', false],
    ['n', false],
    ['0', false],
    ['false', false],
    ['', false],
  ])('developer-unsold %p reads as %p', (flag, expected) => {
    const p = previewRoll(sheet(HEADER, `1栋,0101,89.36,登记,O1,张三,,${flag}`))
    expect(p.units[0].developerUnsold).toBe(expected)
  })
})

describe('rows that cannot go on the roll', () => {
  test('every reason, with the row number the committee sees and the row it clashes with', () => {
    const p = previewRoll(
      sheet(
        HEADER, //                                             row 1
        '1栋,0101,89.36,登记,O1,张三,,否', //                    2 ok
        '1栋,0101,90.00,登记,O2,李四,,否', //                    3 same unit as row 2
        '1栋,0102,,登记,O3,王五,,否', //                         4
        '1栋,0103,0,登记,O4,赵六,,否', //                        5
        '1栋,0104,-89.36,登记,O5,钱七,,否', //                   6
        '1栋,0105,八十九,登记,O6,孙八,,否', //                   7
        '1栋,0106,89.365,登记,O7,周九,,否', //                   8
        '1栋,0107,89.36,预测,O8,吴十,,否', //                    9
        '1栋,0108,89.36,登记,O1,郑一,,否', //                    10 O1 is 张三 on row 2
        ',0109,89.36,登记,O9,冯二,,否', //                       11
        '1栋,,89.36,登记,O10,陈三,,否', //                       12
        '1栋,0110,89.36,,O11,褚四,,否', //                       13
        '1栋,0111,89.36,登记,,卫五,,否', //                      14
        '1栋,0112,89.36,登记,O12,,,否', //                       15
        '1栋,0113,89.36,登记,O13,蒋六,,√', //                    16
        '1栋,0114,89.36,登记,示例-001,张三、李四,,否', //        17 left over from the template
        '', //                                                   18 blank: skipped, still counted
        '1栋,0115,89.36,登记,O14,沈七,,否', //                   19 ok
      ),
    )
    expect(brief(p.problems)).toEqual([
      { row: 3, code: 'DUPLICATE_UNIT', otherRow: 2 },
      { row: 4, code: 'AREA_MISSING', column: '面积' },
      { row: 5, code: 'AREA_ZERO', column: '面积' },
      { row: 6, code: 'AREA_NEGATIVE', column: '面积' },
      { row: 7, code: 'AREA_NOT_A_NUMBER', column: '面积' },
      { row: 8, code: 'AREA_TOO_PRECISE', column: '面积' },
      { row: 9, code: 'BASIS_UNKNOWN', column: '面积依据' },
      { row: 10, code: 'OWNER_NAME_CONFLICT', column: '业主姓名', otherRow: 2 },
      { row: 11, code: 'EMPTY_CELL', column: '楼栋' },
      { row: 12, code: 'EMPTY_CELL', column: '房号' },
      { row: 13, code: 'EMPTY_CELL', column: '面积依据' },
      { row: 14, code: 'EMPTY_CELL', column: '业主编号' },
      { row: 15, code: 'EMPTY_CELL', column: '业主姓名' },
      { row: 16, code: 'FLAG_UNKNOWN', column: '开发商未售' },
      { row: 17, code: 'TEMPLATE_EXAMPLE' },
    ])
    expect(p.units.map((u) => u.row)).toEqual([2, 19])
    expect(p).toMatchObject({ rowsRead: 17, problemCount: 15, badRows: 15, committable: false })
    // The preview shows the units that are fine, but it is not the roll.
    expect(p.summary).toMatchObject({ units: 2, area: 17872, heads: 2 })
    const msg = (row: number) => p.problems.find((x) => x.row === row)?.message
    expect(msg(3)).toBe('1栋 0101 与第 2 行重复')
    expect(msg(8)).toContain('「89.365」超过两位小数')
    expect(msg(10)).toBe('业主编号 O1 在第 2 行的业主是「张三」，这里是「郑一」；同一业主编号的姓名必须一致')
    expect(msg(11)).toBe('「楼栋」是空的')
  })

  test('a row with several faults gets each of them', () => {
    const p = previewRoll(sheet(HEADER, '1栋,0101,89.36,登记,O1,张三,,否', '1栋,0101,abc,外星,O1,李四,,也许'))
    expect(brief(p.problems)).toEqual([
      { row: 3, code: 'DUPLICATE_UNIT', otherRow: 2 },
      { row: 3, code: 'AREA_NOT_A_NUMBER', column: '面积' },
      { row: 3, code: 'BASIS_UNKNOWN', column: '面积依据' },
      { row: 3, code: 'OWNER_NAME_CONFLICT', column: '业主姓名', otherRow: 2 },
      { row: 3, code: 'FLAG_UNKNOWN', column: '开发商未售' },
    ])
    expect(p).toMatchObject({ problemCount: 5, badRows: 1 })
  })

  test('a duplicate is found even when the first row was itself bad', () => {
    const p = previewRoll(sheet(HEADER, '1栋,0101,,登记,O1,张三,,否', '1栋,0101,89.36,登记,O2,李四,,否'))
    expect(brief(p.problems)).toEqual([
      { row: 2, code: 'AREA_MISSING', column: '面积' },
      { row: 3, code: 'DUPLICATE_UNIT', otherRow: 2 },
    ])
  })

  test('a header without required columns names each missing one on row 1 and reads no rows', () => {
    const p = previewRoll(sheet('楼栋,房号,面积,业主姓名', '1栋,0101,89.36,张三'))
    expect(brief(p.problems)).toEqual([
      { row: 1, code: 'MISSING_COLUMN', column: '面积依据' },
      { row: 1, code: 'MISSING_COLUMN', column: '业主编号' },
    ])
    expect(p).toMatchObject({ units: [], committable: false })
  })

  test('two columns for one field are refused rather than guessed', () => {
    const p = previewRoll(sheet(`${HEADER},建筑面积`, '1栋,0101,89.36,登记,O1,张三,,否,89.36'))
    expect(brief(p.problems)).toEqual([{ row: 1, code: 'DUPLICATE_COLUMN', column: '面积' }])
    expect(p.problems[0].message).toBe('表头里第 3 列「面积」和第 9 列「建筑面积」都是「面积」，请只留一列')
  })

  test('a header with nothing under it, and an empty sheet, have no units to commit', () => {
    expect(brief(previewRoll(sheet(HEADER, '', '')).problems)).toEqual([{ row: 1, code: 'NO_UNITS' }])
    const empty = previewRoll([])
    expect(brief(empty.problems)).toEqual([{ row: 1, code: 'NO_UNITS' }])
    expect(empty).toMatchObject({ headerRow: 0, committable: false })
  })

  test('problemLimit keeps the list short while the counts stay exact', () => {
    const p = previewRoll(sheet(HEADER, '1栋,0101,,登记,O1,张三,,否', '1栋,0102,,登记,O2,李四,,否', '1栋,0103,0,登记,O3,王五,,否'), { problemLimit: 2 })
    expect(p.problems.map((x) => x.row)).toEqual([2, 3])
    expect(p.problemCount).toBe(3)
    expect(p.problemCounts).toEqual({ AREA_MISSING: 2, AREA_ZERO: 1 })
  })
})

describe('finding the columns', () => {
  test('title rows above the header are skipped; English names, marks and units in brackets are understood', () => {
    const p = previewRoll([
      ['长城二花园业主名册（2024年5月）'],
      [],
      ['Building', 'Unit No', '面积（㎡）', 'basis', 'owner_key', '业主姓名*', 'phone', 'unsold', '备注'],
      ['1栋', '0101', '89.36', '登记', 'O1', '张三', '', '', '已核对'],
    ])
    expect(p.headerRow).toBe(3)
    expect(p.ignoredColumns).toEqual(['备注'])
    expect(p.columns.map((c) => [c.field, c.column])).toEqual([
      ['building', 1],
      ['unitNo', 2],
      ['area', 3],
      ['basis', 4],
      ['ownerKey', 5],
      ['ownerNames', 6],
      ['phones', 7],
      ['developerUnsold', 8],
    ])
    expect(p.units).toEqual([expect.objectContaining({ row: 4, building: '1栋', area: 8936 })])
  })

  test('columns in any order; optional phone and developer columns may be left out', () => {
    const p = previewRoll(sheet('业主姓名,业主编号,面积依据,面积,房号,楼栋', '张三,O1,登记,89.36,0101,1栋'))
    expect(p.problems).toEqual([])
    expect(p.units).toEqual([{ row: 2, building: '1栋', unitNo: '0101', area: 8936, basis: 'registered', ownerKey: 'O1', ownerNames: '张三', phones: '', developerUnsold: false }])
  })

  test('a row with text only in ignored columns is not a unit and not a problem', () => {
    const p = previewRoll(sheet(`${HEADER},备注`, '1栋,0101,89.36,登记,O1,张三,,否,', ',,,,,,,,制表人：李建国'))
    expect(p).toMatchObject({ rowsRead: 1, problemCount: 0, committable: true })
  })
})

test('an owner key with units both developer-unsold and not is a warning: it counts as its own head besides the developer', () => {
  const p = previewRoll(sheet(HEADER, '1栋,0101,89.36,登记,O1,张三,,否', '1栋,0102,89.36,登记,O1,张三,,是', '1栋,0103,89.36,登记,O1,张三,,是'))
  expect(p.warnings.map((w) => ({ row: w.row, code: w.code, otherRow: w.otherRow }))).toEqual([{ row: 3, code: 'OWNER_MIXED_DEVELOPER', otherRow: 2 }])
  expect(p.committable).toBe(true)
  expect(p.summary.heads).toBe(2)
})

describe('the canonical text behind the fingerprint', () => {
  const rows = [HEADER, '2栋,0101,95.52,合同,DEV,某某地产,,是', '1栋,0101,89.36,登记,O1,张三,13800000001,否', '1栋,0102,102.18,登记,O1,张三,13800000001,否']

  test('lists every stored field in building/unit order, without row numbers', () => {
    expect(rollCanonicalText(previewRoll(sheet(...rows)).units)).toBe(
      [
        'roll-canonical-v1',
        '["1栋","0101",8936,"registered","O1","张三","13800000001",0]',
        '["1栋","0102",10218,"registered","O1","张三","13800000001",0]',
        '["2栋","0101",9552,"contract","DEV","某某地产","",1]',
        '',
      ].join('\n'),
    )
  })

  test('the same roll re-sorted or re-typed is the same text; a changed phone is not', () => {
    const text = (ls: string[]) => rollCanonicalText(previewRoll(sheet(...ls)).units)
    const base = text(rows)
    expect(text([rows[0], rows[3], rows[1], rows[2]])).toBe(base)
    expect(text([rows[0], rows[1], '1栋 ,0101,89.360,登记,o1,张三,138-0000-0001,N', rows[3]])).toBe(base)
    expect(text([rows[0], rows[1], rows[2].replace('13800000001', '13800000009'), rows[3]])).not.toBe(base)
  })
})

test('the template reads back with all eight columns, and its example rows are caught if left in', () => {
  const p = previewRoll(parseCsv(rollTemplateCsv()).map((r) => r.fields))
  expect(p.columns).toHaveLength(8)
  expect(p.ignoredColumns).toEqual([])
  expect(brief(p.problems)).toEqual([
    { row: 2, code: 'TEMPLATE_EXAMPLE' },
    { row: 3, code: 'TEMPLATE_EXAMPLE' },
  ])
})
