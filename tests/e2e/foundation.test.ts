// An owner on a phone: signs in on the development page, walks the tab bar,
// opens a subpackage page and turns on large text.
import { signIn, shot, startApp, tab, tapCell, visible, type RunningApp } from './support'

let app: RunningApp
beforeAll(async () => { app = await startApp() })
afterAll(async () => { await app?.stop() })

test('an unknown visitor is sent to the development sign-in page, which says it is development mode', async () => {
  const context = await app.browser.newContext()
  const page = await context.newPage()
  await page.goto(app.url)
  await page.waitForURL(/\/dev\/signin$/)
  await page.getByText('开发模式').first().waitFor()
  await page.getByRole('heading', { name: '业委会' }).waitFor()
  await context.close()
})

test('a signed-in owner walks the five tabs at 390x844, in Chinese', async () => {
  const { context, page } = await signIn(app, 'p-zhang-wei')
  expect(page.viewportSize()).toEqual({ width: 390, height: 844 })

  await page.getByText('业主大会表决').first().waitFor()
  await page.getByTestId('roll-base').getByText('777', { exact: true }).waitFor()
  await page.getByTestId('roll-base').getByText('80,948.48 m²', { exact: true }).waitFor()
  await page.getByText('开发模式 · 演示数据').waitFor()
  await shot(page, 'foundation-1-vote')

  const tabs: Array<[string, string, string]> = [
    ['公开', '财务与事务公开', 'foundation-2-accounts'],
    ['楼长', '楼长接待', 'foundation-3-captain'],
    ['报修', '我的报修', 'foundation-4-repair'],
    ['我的', '我的房屋', 'foundation-5-mine'],
  ]
  for (const [label, heading, name] of tabs) {
    await tab(page, label).click()
    await page.getByText(heading, { exact: true }).waitFor()
    await shot(page, name)
  }
  await page.getByText('1栋 0202（业主）').waitFor()
  // An owner is not offered the committee's tools.
  expect(await page.getByText('角色管理').count()).toBe(0)

  // 适老化: the switch makes every page larger, and the choice survives a reload.
  const before = await page.getByText('我的房屋').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  await visible(page, '.nut-switch').click()
  await visible(page, '.gj-page.gj-large').waitFor()
  const after = await page.getByText('我的房屋').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(after).toBeGreaterThan(before)
  await shot(page, 'foundation-6-mine-large')
  await page.reload()
  await visible(page, '.gj-page.gj-large').waitFor()

  // A subpackage page loads on demand.
  await tab(page, '投票').click()
  await tapCell(page, '表决规则与法定比例')
  await page.getByText('改建、重建建筑物及其附属设施').waitFor()
  await shot(page, 'foundation-7-vote-rules-large')
  await context.close()
})

test('the committee reaches the audit log and sees the chain verified', async () => {
  const { context, page } = await signIn(app, 'p-li-jianguo')
  await tab(page, '我的').click()
  await tapCell(page, '审计日志')
  await page.getByText(/哈希链完整：共 \d+ 条，未发现篡改。/).waitFor()
  await shot(page, 'foundation-8-audit')
  await context.close()
})

test('切换演示身份 returns to the sign-in page, and the next person sees their own units', async () => {
  const { context, page } = await signIn(app, 'p-zhang-wei')
  await tab(page, '我的').click()
  await tapCell(page, '切换演示身份')
  await page.waitForURL(/\/dev\/signin$/)
  await page.click('button[data-person="p-chen-jing"]')
  await tab(page, '我的').click()
  await visible(page, '.gj-row', '4栋 0302（业主）').waitFor()
  expect(await visible(page, '.gj-row', '1栋 0202').count()).toBe(0)
  await context.close()
})
