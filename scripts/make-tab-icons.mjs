// Draws the tab-bar icons (WeChat's tab bar needs PNG files, not SVG) by
// rendering small SVGs in headless Chromium. Run once after changing them:
// node scripts/make-tab-icons.mjs
import { launchChromium } from './chromium.mjs'

const S = 'stroke-width="5" stroke-linecap="round" stroke-linejoin="round" fill="none"'
const ICONS = {
  // A ballot going into a box.
  vote: `<rect x="14" y="38" width="52" height="30" rx="4" ${S}/><path d="M28 38 V14 H52 V38" ${S}/><path d="M33 26 l5 5 l9 -10" ${S}/>`,
  // A notice board with bars.
  accounts: `<rect x="12" y="12" width="56" height="56" rx="6" ${S}/><path d="M26 56 V44 M40 56 V30 M54 56 V38" ${S}/>`,
  // A building with a flag.
  captain: `<path d="M18 68 V26 L40 14 L62 26 V68 Z" ${S}/><path d="M32 68 V52 H48 V68 M30 34 H34 M46 34 H50 M30 42 H34 M46 42 H50" ${S}/>`,
  // A wrench.
  repair: `<path d="M50 14 a14 14 0 0 0 -12 20 L16 56 a6 6 0 0 0 8 8 L46 42 a14 14 0 0 0 20 -12 l-8 8 l-8 -2 l-2 -8 Z" ${S}/>`,
  // A person.
  mine: `<circle cx="40" cy="28" r="12" ${S}/><path d="M16 68 a24 22 0 0 1 48 0" ${S}/>`,
}
const COLORS = { '': '#646a73', '-on': '#0b6e4f' }

const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
  for (const [name, body] of Object.entries(ICONS)) {
    for (const [suffix, color] of Object.entries(COLORS)) {
      await page.setContent(`<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 80 80" stroke="${color}">${body}</svg></body></html>`)
      await page.locator('svg').screenshot({ path: `src/assets/tab/${name}${suffix}.png`, omitBackground: true })
    }
  }
} finally {
  await browser.close()
}
console.log('tab icons written to src/assets/tab/')
