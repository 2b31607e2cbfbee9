// How fast an owner sees a quarterly report: the bundled local host and the
// H5 build in Chromium at phone size, started and signed in exactly as the
// browser tests do (tests/e2e/support.ts). Milliseconds from navigation start
// to the key figures being visible, measured in the browser; median of 7
// loads with the app's scripts cached, and the first load on its own.
// Prints `bench report_page_show <ms> ms` (target ≤ 1000 ms).
import { previousQuarter, quarterOf } from '../../src/domain/disclosure/quarter'
import { reportUrl, signIn, startApp, timeToVisible } from '../../tests/e2e/support'

async function main() {
  const app = await startApp()
  try {
    const { page } = await signIn(app, 'p-chen-jing')
    const last = previousQuarter(quarterOf(Date.now()))
    const times: number[] = []
    // The first load in a fresh profile also parses and compiles every script; reported on its own.
    const cold = await timeToVisible(page, reportUrl(app, previousQuarter(last)), '[data-testid=key-figures]')
    for (let i = 0; i < 7; i++) times.push(await timeToVisible(page, reportUrl(app, i % 2 ? previousQuarter(last) : last), '[data-testid=key-figures]'))
    times.sort((a, b) => a - b)
    const median = times[times.length >> 1]
    console.log(`bench report_page_show ${median.toFixed(0)} ms`)
    console.log(`bench report_page_show_first_load ${cold.toFixed(0)} ms`)
    if (median > 1000) process.exitCode = 1
  } finally {
    await app.stop()
  }
}

void main()
