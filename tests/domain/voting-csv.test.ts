// The CSV reader behind the recount CLI (and the roll import): quoting, CRLF,
// BOM, and line numbers a person can find in their spreadsheet.
import { parseCsv, readCsvTable } from '../../src/domain/csv'
import { refusal } from '../support/refusal'


test('plain records with the line each starts on; a final newline adds nothing', () => {
  expect(parseCsv('a,b\n1,2\n')).toEqual([
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['1', '2'] },
  ])
})

test('CRLF, a UTF-8 BOM and blank lines', () => {
  expect(parseCsv('\uFEFFa,b\r\n\r\n1,2\r\n')).toEqual([
    { line: 1, fields: ['a', 'b'] },
    { line: 3, fields: ['1', '2'] },
  ])
})

test('quoted fields hold commas, doubled quotes and line breaks; the next record keeps its physical line', () => {
  const text = 'id,note\r\n1,"赵, 一"\r\n2,"他说""好"""\r\n3,"第一行\r\n第二行"\r\n4,""\r\n5,\r\n'
  expect(parseCsv(text)).toEqual([
    { line: 1, fields: ['id', 'note'] },
    { line: 2, fields: ['1', '赵, 一'] },
    { line: 3, fields: ['2', '他说"好"'] },
    { line: 4, fields: ['3', '第一行\r\n第二行'] },
    { line: 6, fields: ['4', ''] },
    { line: 7, fields: ['5', ''] },
  ])
})

test('an unclosed quote names the line it opened on; text after a closing quote is refused', () => {
  const open = refusal(() => parseCsv('a,b\n1,"x\n2,3\n'))
  expect(open.code).toBe('CSV.MALFORMED')
  expect(open.details).toMatchObject({ line: 2 })
  expect(open.message).toContain('第 2 行')
  const after = refusal(() => parseCsv('a,b\n1,"x"y\n'))
  expect(after.details).toMatchObject({ line: 2 })
})

test('a table finds columns by header name, ignores extra columns and all-blank rows', () => {
  const t = readCsvTable('note,area,unit_id\r\nx,80.5,A1\r\n,,\r\ny,70,A2,extra\r\n', ['unit_id', 'area'])
  expect(t.header).toEqual(['note', 'area', 'unit_id'])
  expect(t.rows.map((r) => [r.line, r.cells.unit_id, r.cells.area])).toEqual([
    [2, 'A1', '80.5'],
    [4, 'A2', '70'],
  ])
})

test('a table needs its header, each required column once, and rows that reach them', () => {
  expect(refusal(() => readCsvTable('', ['a'])).code).toBe('CSV.NO_HEADER')
  const missing = refusal(() => readCsvTable('A1,80\n', ['unit_id', 'area']))
  expect(missing.code).toBe('CSV.MISSING_COLUMN')
  expect(missing.message).toContain('unit_id')
  expect(refusal(() => readCsvTable('a,a\n1,2\n', ['a'])).code).toBe('CSV.DUPLICATE_COLUMN')
  const short = refusal(() => readCsvTable('a,b\n1,2\n3\n', ['a', 'b']))
  expect(short.code).toBe('CSV.SHORT_ROW')
  expect(short.details).toMatchObject({ line: 3 })
})

test('a header named like an Object method is just a column', () => {
  expect(readCsvTable('constructor,toString\n1,2\n', ['constructor']).rows[0].cells).toEqual({ constructor: '1', toString: '2' })
})
