// Starts the real local host (dist/host/main.js serving dist/h5) on a free
// port with a temporary data folder, and a phone-sized Chromium to drive it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium, PHONE } from '../../scripts/chromium.mjs'

const ROOT = join(__dirname, '../..')
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots')

export interface RunningApp {
  url: string
  dataDir: string
  host: ChildProcess
  browser: Browser
  stop(): Promise<void>
}

export async function startApp(): Promise<RunningApp> {
  for (const f of ['dist/host/main.js', 'dist/h5/index.html']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`缺少 ${f}：先运行 npm run build:h5 和 node scripts/build-host.mjs`)
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'gj-e2e-'))
  const host = spawn(process.execPath, ['dist/host/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, HOST_MODE: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`本地主机 10 秒内没有启动：${out}`)), 10000)
    host.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    host.stderr!.on('data', (d: Buffer) => { out += d.toString() })
    host.on('exit', (code) => reject(new Error(`本地主机退出（${code}）：${out}`)))
  })
  const browser = await launchChromium()
  mkdirSync(SCREENSHOTS, { recursive: true })
  return {
    url,
    dataDir,
    host,
    browser,
    async stop() {
      await browser.close()
      if (host.exitCode === null) {
        const exited = new Promise((r) => host.once('exit', r))
        host.kill('SIGINT')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A phone-sized page signed in as the demo person through the development sign-in page. */
export async function signIn(app: RunningApp, personId: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext(PHONE)
  const page = await context.newPage()
  await page.goto(`${app.url}dev/signin`)
  await page.click(`button[data-person="${personId}"]`)
  await page.waitForURL(/#\/pages\/vote\/index|\/$/)
  return { context, page }
}

export const tab = (page: Page, label: string) => page.locator('.weui-tabbar__item', { hasText: label })

/** Taro's H5 router keeps visited pages in the DOM, hidden: only the visible one counts. */
export const visible = (page: Page, selector: string, hasText?: string | RegExp) => page.locator(selector, hasText ? { hasText } : {}).filter({ visible: true })

/** Taps a NutUI cell on the current page by its title. */
export const tapCell = (page: Page, title: string) => visible(page, '.nut-cell', title).click()

/** Resolves once no page is sliding in or out (during a transition two pages are visible). */
export const settled = (page: Page) =>
  page.waitForFunction(() => Array.from(document.querySelectorAll('.taro_page')).every((p) => p.classList.contains('taro_page_stationed')))

/** A screenshot once page transitions have finished (Taro slides a new page in, then marks it stationed). */
export async function shot(page: Page, name: string) {
  await settled(page)
  // A cancelled animation rejects `finished`; it has ended all the same.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))))
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

/**
 * Opens a page by its route and returns, as the browser measured it, the
 * milliseconds from navigation start until `selector` is visible.
 */
export async function timeToVisible(page: Page, url: string, selector: string): Promise<number> {
  await page.goto('about:blank')
  await page.goto(url)
  const handle = await page.waitForFunction((sel) => {
    const el = Array.from(document.querySelectorAll<HTMLElement>(sel)).find((e) => e.offsetParent !== null)
    return el ? performance.now() : false
  }, selector, { polling: 'raf', timeout: 15_000 })
  return (await handle.jsonValue()) as number
}

/** The report page of a quarter, on the running host. */
export const reportUrl = (app: RunningApp, quarter: string) => `${app.url}#/packages/accounts/pages/report/index?quarter=${quarter}`

/** A real JPEG drawn by the browser itself (a blue square with a darker patch), for a photo upload. */
export async function jpeg(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 640
    c.height = 480
    const g = c.getContext('2d')!
    g.fillStyle = '#9ec5e8'
    g.fillRect(0, 0, 640, 480)
    g.fillStyle = '#2a5d8a'
    g.fillRect(200, 150, 240, 180)
    return c.toDataURL('image/jpeg', 0.9)
  })
  return Buffer.from(dataUrl.split(',')[1], 'base64')
}

/** Types into the visible field matching `selector`. */
export const fill = (page: Page, selector: string, value: string) => visible(page, selector).fill(value)

/** Taps the NutUI button whose whole label is `label`. */
export const press = (page: Page, label: string) => visible(page, '.nut-button', new RegExp(`^\\s*${label}\\s*$`)).click()
