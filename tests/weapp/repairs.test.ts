// The repair pages in the COMPILED WeChat build under miniprogram-simulate,
// with WeChat's cloud simulated in-process (see smoke.test.ts for the setup).
import { createHarness, DEMO, type Harness } from '../support/harness'
import { simulatedCloud } from './cloud'
import { MiniProgram, assertWeappBuilt, waitFor } from './mini-program'

assertWeappBuilt()

let harness: Harness
let mp: MiniProgram
let warnings: string[]

beforeEach(() => {
  harness = createHarness()
  warnings = []
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')))
})

afterEach(() => {
  mp.close()
  harness.close()
  jest.restoreAllMocks()
})

const templateWarnings = () => warnings.filter((w) => /WXMLRT|Template .* not found/.test(w))

test('报修 tab: an owner sees 我要报修, his requests and the common-area ones; the button opens the report page in the repair subpackage', async () => {
  mp = new MiniProgram({ cloud: simulatedCloud(harness, DEMO['p-zhang-wei'].openid) }).launch()
  const page = mp.openPage('pages/repair/index')
  await waitFor(() => expect(page.text()).toContain('卫生间天花板渗水'), { what: 'my requests' })
  expect(page.text()).toContain('B2 车库 3 号通道灯不亮')
  expect(page.text()).toContain('王*英')
  expect(page.text()).not.toContain('加载失败')
  page.tap(page.find('.nut-button', '我要报修'))
  await waitFor(() => expect(mp.navigations).toHaveLength(1), { what: 'navigateTo after tap' })
  expect(mp.navigations[0].url).toMatch(/^\/packages\/repair\/pages\/report\/index(\?|$)/)
  expect(templateWarnings()).toEqual([])
})

test('报修详情 in the subpackage: staff see the request, its timeline and their next step', async () => {
  mp = new MiniProgram({ cloud: simulatedCloud(harness, DEMO['p-zhao-lei'].openid) }).launch()
  const page = mp.openPage('packages/repair/pages/detail/index', { id: 'r-demo-6' })
  await waitFor(() => expect(page.text()).toContain('B2 车库 3 号通道灯不亮'), { what: 'detail' })
  expect(page.text()).toContain('已超过承诺时间')
  expect(page.text()).toContain('提交报修')
  // find() throws when the button is missing.
  expect(page.find('.nut-button', '接单').dom.textContent).toContain('接单')
  expect(templateWarnings()).toEqual([])
})
