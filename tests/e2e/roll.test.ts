// On a phone at 390x844 through the real host: a newcomer binds their unit
// (one miss, then a match), and the committee imports a small CSV with
// preview and confirm, ending with a new roll version.
import { signIn, shot, startApp, tab, tapCell, visible, type RunningApp } from './support'

let app: RunningApp
beforeAll(async () => { app = await startApp() })
afterAll(async () => { await app?.stop() })

const fill = (page: import('playwright-core').Page, testId: string, value: string) => visible(page, `[data-testid="${testId}"] input`).fill(value)

test('a newcomer finds 长城二花园, misses once, then binds 5栋 0302 and is an owner', async () => {
  const { context, page } = await signIn(app, 'p-zhou-min')
  await tab(page, '我的').click()
  await visible(page, '[data-testid="me"]', '您还没有加入任何小区。').waitFor()
  await tapCell(page, '绑定房屋')
  await page.getByText('第一步：找到您的小区').waitFor()
  await fill(page, 'community-name', '长城')
  await visible(page, '.nut-button', '查找').click()
  await visible(page, '.nut-button', '长城二花园').click()
  await fill(page, 'building', '5栋')
  await fill(page, 'unit', '0302')
  await fill(page, 'name', '周敏')
  await fill(page, 'phone', '1234')
  await shot(page, 'roll-1-bind-form')
  await visible(page, '.nut-button', '核对并绑定').click()
  await visible(page, '[role="alert"]', '今天还可以再试 4 次').waitFor()
  await visible(page, '.gj-card__head', '上传产权证明').waitFor()
  await shot(page, 'roll-2-bind-no-match')
  await fill(page, 'phone', '8009')
  await visible(page, '.nut-button', '核对并绑定').click()
  await page.getByText('绑定成功：5栋 0302。现在可以参加业主大会投票了。').waitFor()
  await shot(page, 'roll-3-bind-done')
  // Back on 我的 (no tab bar on a subpackage page): the session was reloaded, so the unit shows at once.
  await page.goBack()
  await visible(page, '.gj-row', '5栋 0302（业主）').waitFor()
  expect(await visible(page, '[role="alert"]').count()).toBe(0)
  await shot(page, 'roll-4-mine-owner')
  await context.close()
})

test('the committee imports a small CSV: preview by the legal rule, confirm, version 2', async () => {
  const { context, page } = await signIn(app, 'p-li-jianguo')
  await tab(page, '我的').click()
  await tapCell(page, '业主名册')
  await visible(page, '[data-testid="version-1"]').waitFor()
  await shot(page, 'roll-5-versions')
  await visible(page, '.nut-button', '导入新名册').click()
  await page.getByText('第二步：选择名册文件').waitFor()
  const csv = [
    '楼栋,房号,面积,面积依据,业主编号,业主姓名,手机号,开发商未售',
    '1栋,0101,89.36,登记,A1,李建国,13800138001,否',
    '1栋,0102,102.18,实测,A1,李建国,13800138001,否',
    '2栋,0101,120,登记,DEV,长城地产,,是',
    '2栋,0102,80.01,登记,DEV,长城地产,,是',
    '2栋,0201,95.5,合同,A2,陈静,13800138005,否',
  ].join('\r\n')
  await page.locator('input[data-testid="pick-spreadsheet"]').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`, 'utf8') })
  const preview = visible(page, '[data-testid="preview"]')
  await preview.waitFor()
  // 5 units; A1 one head, the developer's two units one head, A2 one: 3 heads; 487.05 m².
  await visible(page, '[data-testid="preview"] .gj-stats', '5户3业主人数487.05 m²总面积').waitFor()
  await preview.scrollIntoViewIfNeeded()
  await shot(page, 'roll-6-import-preview')
  await visible(page, '.nut-button', '确认导入（第 2 版）').click()
  await page.getByText('已导入第 2 版名册：5 套房屋，487.05 m²，3 人').waitFor()
  await shot(page, 'roll-7-import-done')
  await page.goBack()
  await visible(page, '[data-testid="version-2"]', '当前使用').waitFor()
  await shot(page, 'roll-8-versions-after')
  await context.close()
})
