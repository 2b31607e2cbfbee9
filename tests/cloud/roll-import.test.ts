// The committee's roll import end to end on SQLite: upload, preview, commit,
// versions; every refusal writes nothing.
import { createHarness, expectOk, type Harness } from '../support/harness'
import { C, HEADER, PNG, SMALL, csvOf, gbk, uploadAs, utf8, utf8Bom, xlsxOf } from '../support/roll'

let h: Harness
beforeEach(() => { h = createHarness() })
afterEach(() => h.close())

test('counting by the legal rule, checked by hand through preview and commit', async () => {
  const fileId = await uploadAs(h, 'p-li-jianguo', '名册.csv', utf8(csvOf(SMALL)))
  const preview = expectOk(await h.call('roll-preview', { communityId: C, fileId }, 'p-li-jianguo'))
  // Area: 89.36 + 102.18 + 95.50 + 120.00 + 80.01 + 76.05 + 88.00 = 651.10 m².
  // Heads: A1 (three units) + A2 (co-owners, one unit) + A3 + the developer's two units as one = 4.
  // By building: 1栋 has A1, A2 (2 heads); 2栋 has the developer, A3 and A1 again (3 heads).
  const expected = {
    units: 7,
    area: 65110,
    heads: 4,
    buildings: [
      { building: '1栋', units: 3, area: 8936 + 10218 + 9550, heads: 2 },
      { building: '2栋', units: 4, area: 12000 + 8001 + 7605 + 8800, heads: 3 },
    ],
  }
  expect(preview.summary).toEqual(expected)
  expect(preview).toMatchObject({ committable: true, problemCount: 0, rowsRead: 7, format: 'csv', encoding: 'utf8', latestVersion: 1, sameAsVersion: null })

  const before = h.ports.db.prepare('SELECT COUNT(*) FROM roll_units').pluck().get()
  const committed = expectOk(await h.call('roll-commit', { communityId: C, fileId }, 'p-li-jianguo'))
  expect(committed).toMatchObject({ created: true, version: 2, summary: expected })
  expect(committed.created && committed.message).toBe('已导入第 2 版名册：7 套房屋，651.10 m²，4 人')
  expect(h.ports.db.prepare('SELECT COUNT(*) FROM roll_units').pluck().get()).toBe((before as number) + 7)
  const stored = h.ports.db.prepare("SELECT building, unit_no, area, area_basis, owner_key, owner_names, developer_unsold FROM roll_units WHERE community_id = ? AND version = 2 AND unit_no = '0201' AND building = '1栋'").get(C)
  expect(stored).toEqual({ building: '1栋', unit_no: '0201', area: 9550, area_basis: 'contract', owner_key: 'A2', owner_names: '李四、王五', developer_unsold: 0 })

  // The audit entry was written with the version, by the committee member.
  const audit = h.ports.db.prepare("SELECT seq, actor_id, subject, data FROM audit_log WHERE action = 'roll.import' ORDER BY seq DESC LIMIT 1").get() as { seq: number; actor_id: string; subject: string; data: string }
  expect(audit).toMatchObject({ seq: committed.created ? committed.auditSeq : -1, actor_id: 'p-li-jianguo', subject: 'roll:2' })
  expect(JSON.parse(audit.data)).toMatchObject({ version: 2, units: 7, area: 65110, heads: 4 })

  // Every member now counts against version 2; version 1 (the demo's 798 units) stays readable.
  const overview = expectOk(await h.call('community-overview', { communityId: C }, 'p-chen-jing'))
  expect(overview.roll).toMatchObject({ version: 2, units: 7, area: 65110, heads: 4 })
  const versions = expectOk(await h.call('roll-versions', { communityId: C }, 'p-huang-meiling'))
  expect(versions.map((v) => [v.version, v.units, v.source])).toEqual([[2, 7, 'import'], [1, 798, 'demo']])
  expect(versions[0]).toMatchObject({ createdByName: '李建国', buildings: expected.buildings })
})

test('every bad-row reason reaches the committee with its row; commit of that file stores nothing', async () => {
  const lines = [
    HEADER,
    '1栋,0101,89.36,登记,A1,张三,13900000001,否', // row 2: fine
    '1栋,0101,90,登记,A2,李四,,否', // row 3: duplicate of row 2
    '1栋,0102,,登记,A3,王五,,否', // 4: area missing
    '1栋,0103,0,登记,A4,赵六,,否', // 5: zero
    '1栋,0104,-5,登记,A5,钱七,,否', // 6: negative
    '1栋,0105,89.365,登记,A6,孙八,,否', // 7: three decimals
    '1栋,0106,八十,登记,A7,周九,,否', // 8: not a number
    '1栋,0107,80,估算,A8,吴十,,否', // 9: unknown basis
    '1栋,0108,80,登记,A1,张三丰,,否', // 10: owner key A1 with another name
    '1栋,,80,登记,A9,郑一,,否', // 11: empty unit
    '1栋,0110,80,登记,A10,冯二,,也许', // 12: unknown flag
    '1栋,0111,80,登记,示例-001,张三,,否', // 13: template example left in
  ]
  const fileId = await uploadAs(h, 'p-li-jianguo', '有错的名册.csv', utf8(csvOf(lines)))
  const preview = expectOk(await h.call('roll-preview', { communityId: C, fileId }, 'p-li-jianguo'))
  expect(preview.committable).toBe(false)
  expect(preview.problems.map((p) => [p.row, p.code])).toEqual([
    [3, 'DUPLICATE_UNIT'], [4, 'AREA_MISSING'], [5, 'AREA_ZERO'], [6, 'AREA_NEGATIVE'], [7, 'AREA_TOO_PRECISE'], [8, 'AREA_NOT_A_NUMBER'],
    [9, 'BASIS_UNKNOWN'], [10, 'OWNER_NAME_CONFLICT'], [11, 'EMPTY_CELL'], [12, 'FLAG_UNKNOWN'], [13, 'TEMPLATE_EXAMPLE'],
  ])
  expect(preview.problems[0]).toMatchObject({ otherRow: 2, message: '1栋 0101 与第 2 行重复' })
  expect(preview.problems[8]).toMatchObject({ column: '房号', message: '「房号」是空的' })
  expect(preview).toMatchObject({ problemCount: 11, badRows: 11 })

  const before = h.snapshot()
  const refused = await h.call('roll-commit', { communityId: C, fileId }, 'p-li-jianguo')
  expect(refused).toMatchObject({ ok: false, code: 'ROLL.NOT_CLEAN' })
  expect(!refused.ok && refused.message).toContain('还有 11 行有问题')
  expect(h.snapshot()).toBe(before)
})

test('a header without required columns, and a sheet without rows, are refused by name', async () => {
  const noArea = await uploadAs(h, 'p-li-jianguo', 'a.csv', utf8(csvOf(['楼栋,房号,面积依据,业主编号,业主姓名', '1栋,0101,登记,A1,张三'])))
  const p1 = expectOk(await h.call('roll-preview', { communityId: C, fileId: noArea }, 'p-li-jianguo'))
  expect(p1.problems).toEqual([expect.objectContaining({ row: 1, code: 'MISSING_COLUMN', message: '表头缺少「面积」列' })])
  const empty = await uploadAs(h, 'p-li-jianguo', 'b.csv', utf8(csvOf([HEADER])))
  const p2 = expectOk(await h.call('roll-preview', { communityId: C, fileId: empty }, 'p-li-jianguo'))
  expect(p2.problems).toEqual([expect.objectContaining({ code: 'NO_UNITS' })])
  const before = h.snapshot()
  expect(await h.call('roll-commit', { communityId: C, fileId: empty }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'ROLL.NOT_CLEAN' })
  expect(h.snapshot()).toBe(before)
})

test('problems are capped at 200 in the answer while the counts stay exact', async () => {
  const lines = [HEADER, ...Array.from({ length: 450 }, (_, i) => `3栋,${1000 + i},0,登记,B${i},某${i},,否`)]
  const fileId = await uploadAs(h, 'p-li-jianguo', 'zero.csv', utf8(csvOf(lines)))
  const p = expectOk(await h.call('roll-preview', { communityId: C, fileId }, 'p-li-jianguo'))
  expect(p.problems).toHaveLength(200)
  expect(p).toMatchObject({ problemCount: 450, badRows: 450, problemCounts: { AREA_ZERO: 450 } })
})

test('GBK (Excel\'s plain CSV) and UTF-8 with BOM go through upload, preview and commit; the same roll again is a no-op', async () => {
  const text = csvOf(SMALL)
  const gbkId = await uploadAs(h, 'p-li-jianguo', '名册-gbk.csv', gbk(text))
  const p = expectOk(await h.call('roll-preview', { communityId: C, fileId: gbkId }, 'p-li-jianguo'))
  expect(p).toMatchObject({ encoding: 'gbk', committable: true, summary: { units: 7, heads: 4, area: 65110 } })
  expect(expectOk(await h.call('roll-commit', { communityId: C, fileId: gbkId }, 'p-li-jianguo'))).toMatchObject({ created: true, version: 2 })

  // The same roll saved as UTF-8 with BOM, rows re-ordered, and as XLSX: recognised as version 2.
  const bomId = await uploadAs(h, 'p-huang-meiling', '名册-bom.csv', utf8Bom(csvOf([HEADER, ...SMALL.slice(1).reverse()])))
  const pb = expectOk(await h.call('roll-preview', { communityId: C, fileId: bomId }, 'p-huang-meiling'))
  expect(pb).toMatchObject({ encoding: 'utf8', committable: true, sameAsVersion: 2, summary: p.summary })
  const xlsxId = await uploadAs(h, 'p-huang-meiling', '名册.xlsx', xlsxOf(SMALL))
  const before = h.snapshot()
  for (const fileId of [bomId, xlsxId]) {
    const again = expectOk(await h.call('roll-commit', { communityId: C, fileId }, 'p-huang-meiling'))
    expect(again).toEqual({ created: false, version: 2, message: '内容与当前第 2 版名册完全相同，无需重复导入，名册没有变化' })
  }
  expect(h.snapshot()).toBe(before)

  // A changed phone is a changed roll: version 3.
  const changed = await uploadAs(h, 'p-li-jianguo', '名册-改.csv', gbk(text.replace('13700001111', '13700002222')))
  expect(expectOk(await h.call('roll-commit', { communityId: C, fileId: changed }, 'p-li-jianguo'))).toMatchObject({ created: true, version: 3 })
})

test('a file of another community, a photo, or an unknown id is not a roll; nothing is written', async () => {
  const photo = await uploadAs(h, 'p-li-jianguo', 'x.png', PNG, 'photo')
  // 李建国 also sits on another community's committee and uploaded a roll there.
  h.ports.db.prepare("INSERT INTO communities (id, name, settings, created_at) VALUES ('c-other', '别的小区', '{}', 0)").run()
  h.ports.db.prepare("INSERT INTO memberships (community_id, person_id, role, buildings, granted_at) VALUES ('c-other', 'p-li-jianguo', 'committee', '[]', 0)").run()
  const elsewhere = expectOk(await h.call('file-upload', { communityId: 'c-other', purpose: 'spreadsheet', name: 'o.csv', bytes: utf8(csvOf(SMALL)) }, 'p-li-jianguo')).fileId
  const before = h.snapshot()
  for (const fileId of [photo, elsewhere, 'f_000000000000000000000000']) {
    for (const fn of ['roll-preview', 'roll-commit'] as const) {
      expect(await h.call(fn, { communityId: C, fileId }, 'p-li-jianguo')).toMatchObject({ ok: false, code: 'ROLL.FILE_NOT_FOUND' })
    }
  }
  expect(h.snapshot()).toBe(before)
})

test('the template reads back as a roll whose only faults are its example rows', async () => {
  const t = expectOk(await h.call('roll-template', { communityId: C }, 'p-li-jianguo'))
  expect(t.fileName).toBe('业主名册模板.csv')
  expect(t.columns.map((c) => c.title)).toEqual(['楼栋', '房号', '面积', '面积依据', '业主编号', '业主姓名', '手机号', '开发商未售'])
  const fileId = await uploadAs(h, 'p-li-jianguo', t.fileName, utf8(t.csv))
  const p = expectOk(await h.call('roll-preview', { communityId: C, fileId }, 'p-li-jianguo'))
  expect(p).toMatchObject({ encoding: 'utf8', problemCounts: { TEMPLATE_EXAMPLE: 2 }, committable: false })
})
