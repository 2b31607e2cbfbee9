// An owner of two units votes on a phone (390x844): from the 投票 tab to the
// assembly, a choice for each motion, the review screen's warning, the
// receipt with its tracking code, and the participation bars afterwards.
import { signIn, shot, startApp, visible, type RunningApp } from './support'

let app: RunningApp
beforeAll(async () => { app = await startApp() })
afterAll(async () => { await app?.stop() })

test('an owner votes at phone size, sees the receipt and the participation bars', async () => {
  const { context, page } = await signIn(app, 'p-zhang-wei')
  await visible(page, '[data-testid="assembly-card"]', '2026 年第二次业主大会').waitFor()
  await visible(page, '[data-testid="bar-heads"]', '240 人 / 777 人').first().waitFor()
  await shot(page, 'vote-1-tab')

  await visible(page, '.nut-button', '查看并投票').first().click()
  await visible(page, '[data-testid="assembly"]').waitFor()
  await visible(page, '[data-testid="buildings"]').waitFor()
  await shot(page, 'vote-2-assembly')

  await visible(page, '.nut-button', '去投票').click()
  const motions = visible(page, '[data-testid="ballot-motion"]')
  await motions.first().waitFor()
  expect(await motions.count()).toBe(3)
  await motions.nth(0).locator('.gj-choice', { hasText: '同意' }).click()
  await motions.nth(1).locator('.gj-choice', { hasText: '反对' }).click()
  await motions.nth(2).locator('.gj-choice', { hasText: '弃权' }).click()
  await shot(page, 'vote-3-choose')
  await visible(page, '.nut-button', '下一步：核对选票').click()
  await visible(page, '[data-testid="final-warning"]', '选票一经投出不能更改').waitFor()
  await shot(page, 'vote-4-review')
  await visible(page, '.nut-button', '确认投票').click()

  const code = visible(page, '[data-testid="tracking-code"]')
  await code.waitFor()
  expect(await code.textContent()).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)
  await shot(page, 'vote-5-receipt')

  await visible(page, '.nut-button', '返回业主大会').click()
  await visible(page, '[data-testid="bar-heads"]', '241 人 / 777 人').waitFor()
  await visible(page, '[data-testid="my-ballot"]', '查验码').waitFor()
  await shot(page, 'vote-6-after')
  await context.close()
})
