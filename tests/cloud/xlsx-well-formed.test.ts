/**
 * @jest-environment jsdom
 */
// Every part our writer produces is well-formed XML in the namespaces Excel
// and WPS look for, checked by a real XML parser (the browser's DOMParser,
// from jsdom) rather than by our own reader.
import { writeXlsx } from '../../src/cloud/kit/xlsx/write'
import { openZip } from '../../src/cloud/kit/xlsx/zip'

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const ROOTS: Record<string, [string, string]> = {
  '[Content_Types].xml': ['Types', 'http://schemas.openxmlformats.org/package/2006/content-types'],
  '_rels/.rels': ['Relationships', 'http://schemas.openxmlformats.org/package/2006/relationships'],
  'xl/_rels/workbook.xml.rels': ['Relationships', 'http://schemas.openxmlformats.org/package/2006/relationships'],
  'xl/workbook.xml': ['workbook', MAIN],
  'xl/styles.xml': ['styleSheet', MAIN],
  'xl/sharedStrings.xml': ['sst', MAIN],
  'xl/worksheets/sheet1.xml': ['worksheet', MAIN],
  'xl/worksheets/sheet2.xml': ['worksheet', MAIN],
}

test('the parser does refuse what is not XML (so a pass below means something)', () => {
  for (const bad of ['<a><b></a>', '<a>&nbsp;</a>', '<a>\u0001</a>', '<a x="1" x="2"/>']) {
    expect([bad, new DOMParser().parseFromString(bad, 'application/xml').getElementsByTagName('parsererror').length]).toEqual([bad, 1])
  }
})

test('each part parses as XML, with the root element and namespace the format prescribes, even around awkward text', () => {
  const awkward = ['A&B', '<b>粗体</b>', '"引号"', "'单引号'", ']]>', '\u0001\u001f', '\ud83d', '😀', '_x0041_', '  空格  ', '第一行\n第二行']
  const bytes = writeXlsx([
    { name: 'A&B <名册>', header: true, columnWidths: [10], rows: [awkward, [1, -2.5, 1e-7, true, false, null]] },
    { name: "业主's 说明", rows: [['x']] },
  ])
  const zip = openZip(bytes)
  expect(zip.entries.map((e) => e.name).sort()).toEqual(Object.keys(ROOTS).sort())
  for (const entry of zip.entries) {
    const doc = new DOMParser().parseFromString(zip.read(entry, 1 << 20).toString('utf8'), 'application/xml')
    expect([entry.name, doc.getElementsByTagName('parsererror').length]).toEqual([entry.name, 0])
    expect([entry.name, doc.documentElement.localName, doc.documentElement.namespaceURI]).toEqual([entry.name, ...ROOTS[entry.name]])
  }
  const sheet = new DOMParser().parseFromString(zip.read(zip.find('xl/worksheets/sheet1.xml')!, 1 << 20).toString('utf8'), 'application/xml')
  // 11 awkward strings and 5 values (null is no cell).
  expect(sheet.getElementsByTagName('c')).toHaveLength(16)
  const workbook = new DOMParser().parseFromString(zip.read(zip.find('xl/workbook.xml')!, 1 << 20).toString('utf8'), 'application/xml')
  expect(Array.from(workbook.getElementsByTagName('sheet'), (s) => s.getAttribute('name'))).toEqual(['A&B <名册>', "业主's 说明"])
})
