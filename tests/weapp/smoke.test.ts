// Smoke test of the COMPILED WeChat build (dist/weapp; `npm run build:weapp`
// first). WeChat DevTools cannot run here, so miniprogram-simulate stands in:
// dist/weapp's wxml (page + base.wxml + comp + utils.wxs) is compiled by the
// official wcc and rendered by j-component, and dist/weapp's JS runs in
// WeChat's module wrapper (see mini-program.ts). WeChat's cloud is simulated
// in-process: wx.cloud.callFunction runs the real cloud functions on a fresh
// SQLite file with the demo community, as the demo owner 张伟 (see cloud.ts).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createHarness, DEMO, type Harness } from '../support/harness'
import { simulatedCloud, type SimulatedCloud } from './cloud'
import { DIST, MiniProgram, assertWeappBuilt, waitFor, type RenderedPage } from './mini-program'

assertWeappBuilt()

const OWNER = 'p-zhang-wei'

let harness: Harness
let cloud: SimulatedCloud
let mp: MiniProgram
let warnings: string[]

beforeEach(() => {
  harness = createHarness()
  cloud = simulatedCloud(harness, DEMO[OWNER].openid)
  mp = new MiniProgram({ cloud }).launch()
  // WeChat's template runtime warns (and renders nothing) for a node that has
  // no compiled template: collect those instead of printing them.
  warnings = []
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')))
})

afterEach(() => {
  mp.close()
  harness.close()
  jest.restoreAllMocks()
})

const classOf = (page: RenderedPage, selector: string) => page.find(selector).dom.getAttribute('class') ?? ''
const templateWarnings = () => warnings.filter((w) => /WXMLRT|Template .* not found/.test(w))

describe('compiled WeChat build (dist/weapp) under miniprogram-simulate, WeChat cloud simulated in-process', () => {
  test('投票 (home page): an owner sees the roll the vote counts against, and 表决规则与法定比例 opens its subpackage page', async () => {
    const page = mp.openPage('pages/vote/index')

    // The shell renders at once from the compiled templates, before any call returns.
    await waitFor(() => expect(page.find('.gj-page__title').dom.textContent).toBe('业主大会表决'), { what: 'page title' })

    // After `me` and `community-overview` have run in the (simulated) cloud:
    // the legal head count, units and area of the demo community's roll.
    await waitFor(() => expect(page.find('.gj-card', '表决基数').dom.textContent).toContain('777'), { what: 'roll base card' })
    const roll = page.find('.gj-card', '表决基数').dom.textContent
    expect(roll).toContain('长城二花园 · 表决基数')
    expect(roll).toMatch(/777\s*业主人数/)
    expect(roll).toMatch(/798\s*专有部分（户）/)
    expect(roll).toContain('80,948.48 m²')
    expect(page.find('.gj-dev-badge').dom.textContent).toContain('开发模式')
    expect(page.text()).not.toContain('加载失败')

    // The page reached the cloud through wx.cloud, after wx.cloud.init.
    expect(cloud.initOptions).toMatchObject({ traceUser: true })
    expect(cloud.calls.map((c) => c.name)).toEqual(expect.arrayContaining(['me', 'community-overview']))

    // A tap on the rules cell navigates into the vote subpackage.
    page.tap(page.find('.nut-cell', '表决规则与法定比例'))
    await waitFor(() => expect(mp.navigations).toHaveLength(1), { what: 'navigateTo after tap' })
    expect(mp.navigations[0].api).toBe('navigateTo')
    expect(mp.navigations[0].url).toMatch(/^\/packages\/vote\/pages\/rules\/index(\?|$)/)
    expect(existsSync(join(DIST, 'packages/vote/pages/rules/index.js'))).toBe(true)

    expect(templateWarnings()).toEqual([])
  })

  test('我的: the owner, their units, and the large-text switch that enlarges the page and is remembered on the phone', async () => {
    const page = mp.openPage('pages/mine/index')

    await waitFor(() => expect(page.find('.gj-card__head').dom.textContent).toBe('张伟'), { what: 'me card' })
    const units = page.find('.gj-card', '（业主）').dom.textContent
    expect(units).toContain('1栋 0202（业主）')
    expect(units).toContain('1栋 0203（业主）')
    expect(page.text()).not.toContain('角色管理') // an owner is not offered the committee's tools
    expect(page.find('.gj-dev-badge').dom.textContent).toContain('开发模式')

    expect(classOf(page, '.gj-page')).not.toContain('gj-large')
    expect(classOf(page, '.nut-switch')).toContain('nut-switch-close')
    page.tap(page.find('.nut-switch'))
    await waitFor(() => expect(classOf(page, '.gj-page')).toContain('gj-large'), { what: 'gj-large after tapping the switch' })
    expect(classOf(page, '.nut-switch')).not.toContain('nut-switch-close')
    expect(mp.storage.get('gj.largeText')).toBe(true)
  })

  // NutUI's Switch used to stay in its "loading" state after the first tap (its
  // loading icon is an <i>, which WeChat has no template for); the page passes
  // `loadingIcon={null}`.
  test('我的: the large-text switch turns off again', async () => {
    const page = mp.openPage('pages/mine/index')
    await waitFor(() => expect(page.text()).toContain('张伟'))
    page.tap(page.find('.nut-switch'))
    await waitFor(() => expect(classOf(page, '.gj-page')).toContain('gj-large'))
    await new Promise((r) => setTimeout(r, 100))
    page.tap(page.find('.nut-switch'))
    await waitFor(() => expect(classOf(page, '.gj-page')).not.toContain('gj-large'), { timeout: 1000 })
    expect(mp.storage.get('gj.largeText')).toBe(false)
    expect(templateWarnings()).toEqual([])
  })
})
