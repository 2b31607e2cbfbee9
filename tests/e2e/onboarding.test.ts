// A newcomer on the real host and browser: a genuine session (as WeChat's
// OPENID would be) for someone the app does not know yet. They see the
// registration screen, give their name, and arrive at the no-community state.
import { loadSecret, SESSION_COOKIE, signSession } from '../../src/host/session'
import { PHONE } from '../../scripts/chromium.mjs'
import { shot, startApp, tab, visible, type RunningApp } from './support'

jest.setTimeout(120_000)

let app: RunningApp
beforeAll(async () => { app = await startApp() })
afterAll(async () => { await app?.stop() })

test('a newcomer registers by name and then sees 我的 with no community yet', async () => {
  const context = await app.browser.newContext(PHONE)
  const host = new URL(app.url)
  await context.addCookies([{ name: SESSION_COOKIE, value: encodeURIComponent(signSession(loadSecret(app.dataDir), 'wx-openid-e2e-newcomer')), domain: host.hostname, path: '/' }])
  const page = await context.newPage()
  await page.goto(app.url)
  await visible(page, '.gj-register').waitFor()
  await shot(page, 'onboarding-1-register')
  await visible(page, '.nut-button', '开始使用').click()
  await visible(page, '.gj-register__problem', '请填写您的称呼').waitFor()
  await shot(page, 'onboarding-2-empty-name')
  await visible(page, '.gj-register__input input').fill('王阿姨')
  await visible(page, '.nut-button', '开始使用').click()
  await visible(page, '.gj-register').waitFor({ state: 'hidden' })
  await tab(page, '我的').click()
  await visible(page, '[data-testid="me"]', '王阿姨').waitFor()
  await visible(page, '[data-testid="my-person-id"]', /p-wx-[0-9a-f]{20}/).waitFor()
  await shot(page, 'onboarding-3-registered')
  await context.close()
})
