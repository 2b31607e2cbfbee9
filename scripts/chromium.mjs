// One place for how we start Debian's headless Chromium (never a downloaded
// browser): used by the browser tests, the screenshots and the icon script.
import { chromium } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

/** A phone the size of an iPhone 12–15 (390×844), with touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }

export function launchChromium() {
  // playwright gives each launch a fresh temporary user-data-dir.
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}
