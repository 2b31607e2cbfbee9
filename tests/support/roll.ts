// Helpers for roll and verification tests: upload bytes through the real
// file-upload function, and small files in the formats Excel writes.
import iconv from 'iconv-lite'
import { writeXlsx } from '../../src/cloud/kit/xlsx/write'
import { DEMO_COMMUNITY_ID } from '../../src/seed/demo-community'
import { expectOk, type Harness } from './harness'

export const C = DEMO_COMMUNITY_ID

export const HEADER = '楼栋,房号,面积,面积依据,业主编号,业主姓名,手机号,开发商未售'
/** 7 units: A1 owns three (in two buildings), A2 is two co-owners, two developer-unsold units. */
export const SMALL = [
  HEADER,
  '1栋,0101,89.36,登记,A1,张三明,13912345678,否',
  '1栋,0102,102.18,实测,A1,张三明,13912345678,否',
  '1栋,0201,95.5,合同,A2,李四、王五,13700001111,否',
  '2栋,0101,120,登记,DEV,华发地产,,是',
  '2栋,0102,80.01,登记,DEV,华发地产,,是',
  '2栋,0201,76.05,登记,A3,赵六,,否',
  '2栋,0202,88,登记,A1,张三明,13912345678,否',
]

export const csvOf = (lines: string[]): string => `${lines.join('\r\n')}\r\n`
export const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'))
export const utf8Bom = (text: string): Uint8Array => new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf8'))
export const gbk = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'gbk'))

/** A tiny valid PNG (1x1), standing in for a photo of a 房产证. */
export const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'))

export async function uploadAs(h: Pick<Harness, 'call'>, person: string, name: string, bytes: Uint8Array, purpose: 'spreadsheet' | 'document' | 'photo' = 'spreadsheet'): Promise<string> {
  return expectOk(await h.call('file-upload', { communityId: C, purpose, name, bytes }, person)).fileId
}

/** The lines as the first sheet of a workbook, every cell text (as a committee types a roll into Excel). */
export const xlsxOf = (lines: string[]): Uint8Array => writeXlsx({ name: '业主名册', header: true, rows: lines.map((l) => l.split(',')) })
