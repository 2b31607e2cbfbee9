// The ZIP writer shared by the xlsx writer and the export download: the
// standard CRC check value, UTF-8 without TextEncoder, Shanghai time stamps,
// and archives that the reader opens intact (CRC checked by Node's zlib).
import { crc32Portable, dosStamp, utf8, zipTextFiles } from '../../src/domain/zip'
import { unzipAll } from '../support/unzip'

test('CRC-32 of "123456789" is the standard check value CBF43926', () => {
  expect(crc32Portable(utf8('123456789')).toString(16)).toBe('cbf43926')
})

test('UTF-8 bytes match Node’s for ASCII, Chinese and a character beyond the BMP', () => {
  for (const s of ['unit_id,area\n', '1栋-0202，同意', '𠮷野家', '']) expect(Buffer.from(utf8(s)).equals(Buffer.from(s, 'utf8'))).toBe(true)
})

test('text files come back byte for byte, Chinese names included, an empty file too', () => {
  const files = [{ name: 'roll.csv', text: 'unit_id,building,area,owner_key\n1栋-0101,1栋,89.10,O0001\n' }, { name: '结果.json', text: '{"ok":true}\n' }, { name: 'empty.csv', text: '' }]
  const back = unzipAll(zipTextFiles(files, Date.UTC(2026, 10, 28, 2, 0, 0)))
  expect(Object.keys(back)).toEqual(['roll.csv', '结果.json', 'empty.csv'])
  for (const f of files) expect(Buffer.from(back[f.name]).toString('utf8')).toBe(f.text)
})

test('the time stamp is Shanghai wall time: 2026-11-28 10:00:00 at UTC 02:00', () => {
  expect(dosStamp(Date.UTC(2026, 10, 28, 2, 0, 0))).toEqual({ time: 10 << 11, date: ((2026 - 1980) << 9) | (11 << 5) | 28 })
  const zip = zipTextFiles([{ name: 'a', text: 'a' }], Date.UTC(2026, 10, 28, 2, 0, 0))
  const view = new DataView(zip.buffer)
  expect([view.getUint16(10, true), view.getUint16(12, true)]).toEqual([10 << 11, ((2026 - 1980) << 9) | (11 << 5) | 28])
})
