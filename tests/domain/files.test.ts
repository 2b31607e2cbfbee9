import { checkUpload, sniffKind } from '../../src/domain/files'

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])
const pdf = new TextEncoder().encode('%PDF-1.7\n')
const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0])
const csv = new TextEncoder().encode('楼栋,房号\n1栋,0101\n')
const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00])

test('the kind comes from the bytes, not the name', () => {
  expect([png, jpeg, pdf, zip, csv, exe].map(sniffKind)).toEqual(['png', 'jpeg', 'pdf', 'xlsx', 'csv', null])
})

test('each purpose takes its own kinds', () => {
  expect(checkUpload('photo', jpeg)).toBe('jpeg')
  expect(checkUpload('document', pdf)).toBe('pdf')
  expect(checkUpload('spreadsheet', csv)).toBe('csv')
  expect(() => checkUpload('photo', pdf)).toThrow(expect.objectContaining({ code: 'FILE.WRONG_TYPE', message: '只能上传照片（JPG、PNG、WebP）' }))
  expect(() => checkUpload('spreadsheet', png)).toThrow(expect.objectContaining({ code: 'FILE.WRONG_TYPE' }))
  expect(() => checkUpload('document', exe)).toThrow(expect.objectContaining({ code: 'FILE.WRONG_TYPE' }))
  expect(() => checkUpload('photo', new Uint8Array())).toThrow(expect.objectContaining({ code: 'FILE.EMPTY' }))
})

test('size limits: a photo of exactly 5 MB passes, one byte more is refused', () => {
  const at = new Uint8Array(5 * 1024 * 1024)
  at.set(jpeg)
  expect(checkUpload('photo', at)).toBe('jpeg')
  const over = new Uint8Array(5 * 1024 * 1024 + 1)
  over.set(jpeg)
  expect(() => checkUpload('photo', over)).toThrow(expect.objectContaining({ code: 'FILE.TOO_LARGE', message: '文件超过 5 MB，请压缩后再上传' }))
})
