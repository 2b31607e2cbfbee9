// The demo community, modelled on 长城二花园 (深圳福田, 798 households): ten
// buildings, 798 units, a few multi-unit owners, a few developer-unsold units
// and a person for every role. Pure and deterministic: the same every time.
import type { Role } from '../domain/roles'

export const DEMO_COMMUNITY_ID = 'c-changcheng2'
export const DEMO_COMMUNITY_NAME = '长城二花园'
export const DEVELOPER_OWNER_KEY = 'DEV-长城地产'

export interface DemoUnit {
  building: string
  unitNo: string
  area: number // hundredths of m²
  basis: 'registered' | 'surveyed' | 'contract'
  ownerKey: string
  ownerNames: string
  phones: string
  developerUnsold: boolean
}

export interface DemoPerson {
  id: string
  openid: string
  name: string
  phone: string
  roles: Array<{ role: Role; buildings?: string[] }>
  /** Owner key this person is bound to (owners), or the unit they live in (residents). */
  ownerKey?: string
  /** On the roll under this owner key but not yet bound: a newcomer who can verify and bind. */
  unboundOwnerKey?: string
  residentOf?: { building: string; unitNo: string }
  title: string
}

/** Small deterministic generator (mulberry32), so the demo is identical on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向汤')
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国志文辉海燕鹏飞斌晨宇婷雪琳浩然欣怡子轩梓涵嘉俊思远佳慧')

/** Units per building: eight of 80 and two of 79, 798 in all. */
const BUILDING_SIZES = [80, 80, 80, 80, 80, 80, 80, 80, 79, 79]
/** Floor plans by door: registered areas in hundredths of m². */
const PLANS = [8936, 10218, 11864, 9552]

export function demoRoll(): DemoUnit[] {
  const rand = prng(20240519)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]
  const units: DemoUnit[] = []
  let ownerSeq = 0
  BUILDING_SIZES.forEach((size, b) => {
    for (let i = 0; i < size; i++) {
      const floor = Math.floor(i / 4) + 1
      const door = (i % 4) + 1
      const jitter = Math.floor(rand() * 61) - 30
      const basisRoll = rand()
      const name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '')
      const phone = `13${Math.floor(rand() * 10)}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`
      ownerSeq++
      units.push({
        building: `${b + 1}栋`,
        unitNo: `${String(floor).padStart(2, '0')}${String(door).padStart(2, '0')}`,
        area: PLANS[door - 1] + jitter,
        basis: basisRoll < 0.9 ? 'registered' : basisRoll < 0.97 ? 'surveyed' : 'contract',
        ownerKey: `O${String(ownerSeq).padStart(4, '0')}`,
        ownerNames: name,
        phones: phone,
        developerUnsold: false,
      })
    }
  })
  // Multi-unit owners: the second (and third) unit takes the first one's key and name.
  const joins: Array<[number, number[]]> = [
    [5, [6]], [40, [41, 42]], [121, [300]], [222, [223]], [415, [416]], [507, [508, 509]], [611, [612]], [700, [750]],
  ]
  for (const [first, others] of joins) {
    for (const o of others) Object.assign(units[o], { ownerKey: units[first].ownerKey, ownerNames: units[first].ownerNames, phones: units[first].phones })
  }
  // Developer-unsold units: all of them together count as one owner.
  for (const i of [77, 78, 79, 158, 159, 318, 319, 479, 638, 717, 796, 797]) {
    Object.assign(units[i], { ownerKey: DEVELOPER_OWNER_KEY, ownerNames: '长城地产（开发商未售）', phones: '', developerUnsold: true, basis: 'surveyed' as const })
  }
  // The demo people's own units carry their names and phones.
  for (const p of DEMO_PEOPLE) {
    const key = p.ownerKey ?? p.unboundOwnerKey
    if (!key) continue
    for (const u of units) if (u.ownerKey === key) Object.assign(u, { ownerNames: p.name, phones: p.phone })
  }
  return units
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { id: 'p-li-jianguo', openid: 'dev:p-li-jianguo', name: '李建国', phone: '13800138001', title: '业委会主任', ownerKey: 'O0001', roles: [{ role: 'owner' }, { role: 'committee' }] },
  { id: 'p-huang-meiling', openid: 'dev:p-huang-meiling', name: '黄美玲', phone: '13800138002', title: '业委会委员', ownerKey: 'O0090', roles: [{ role: 'owner' }, { role: 'committee' }] },
  { id: 'p-wang-xiuying', openid: 'dev:p-wang-xiuying', name: '王秀英', phone: '13800138003', title: '1–3 栋楼长', ownerKey: 'O0010', roles: [{ role: 'owner' }, { role: 'captain', buildings: ['1栋', '2栋', '3栋'] }] },
  { id: 'p-zhang-wei', openid: 'dev:p-zhang-wei', name: '张伟', phone: '13800138004', title: '业主（两套房）', ownerKey: 'O0006', roles: [{ role: 'owner' }] },
  { id: 'p-chen-jing', openid: 'dev:p-chen-jing', name: '陈静', phone: '13800138005', title: '业主', ownerKey: 'O0250', roles: [{ role: 'owner' }] },
  { id: 'p-liu-yang', openid: 'dev:p-liu-yang', name: '刘洋', phone: '13800138006', title: '租户（张伟家）', residentOf: { building: '1栋', unitNo: '0203' }, roles: [{ role: 'resident' }] },
  { id: 'p-zhao-lei', openid: 'dev:p-zhao-lei', name: '赵磊', phone: '13800138007', title: '物业客服主管', roles: [{ role: 'property' }] },
  { id: 'p-sun-li', openid: 'dev:p-sun-li', name: '孙丽', phone: '13800138008', title: '街道办监督员', roles: [{ role: 'supervisor' }] },
  // 5栋0302 on the roll; she has signed in with WeChat but not bound it yet.
  { id: 'p-zhou-min', openid: 'dev:p-zhou-min', name: '周敏', phone: '13800138009', title: '新用户（5栋0302，尚未绑定）', unboundOwnerKey: 'O0330', roles: [] },
]
