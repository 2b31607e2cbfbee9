// The export's ZIP writer: the standard CRC check value, and an archive that
// an independent reader (central directory, Node's own CRC) opens intact.
import { crc32, zipStore } from '../../src/domain/zip'
import { unzipStored } from '../support/unzip'

const utf8 = (s: string) => new TextEncoder().encode(s)

test('CRC-32 of "123456789" is the standard check value CBF43926', () => {
  expect(crc32(utf8('123456789')).toString(16)).toBe('cbf43926')
})

test('files come back byte for byte, Chinese names included, an empty file too', () => {
  const files = { 'roll.csv': utf8('unit_id,building,area,owner_key\n1栋-0101,1栋,89.10,O0001\n'), '结果.json': utf8('{"ok":true}\n'), 'empty.csv': new Uint8Array() }
  const zip = zipStore(Object.entries(files).map(([name, bytes]) => ({ name, bytes })), Date.UTC(2026, 10, 28, 2, 0, 0))
  const back = unzipStored(zip)
  expect(Object.keys(back)).toEqual(['roll.csv', '结果.json', 'empty.csv'])
  for (const [name, bytes] of Object.entries(files)) expect(Buffer.from(back[name]).equals(Buffer.from(bytes))).toBe(true)
})

test('the time stamp is Shanghai wall time: 2026-11-28 10:00:00 at UTC 02:00', () => {
  const zip = zipStore([{ name: 'a', bytes: utf8('a') }], Date.UTC(2026, 10, 28, 2, 0, 0))
  const view = new DataView(zip.buffer)
  expect(view.getUint16(10, true)).toBe((10 << 11) | (0 << 5) | 0)
  expect(view.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (11 << 5) | 28)
})
