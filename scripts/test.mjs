// `npm test`: every check in order — types, lint, the cloud functions'
// bundles and their 500 KB budget, unit, contract and page specs, both
// builds, the size budget, the WeChat smoke test, the browser tests — then
// one closing line with the counts of all jest runs.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

const node = process.execPath
const jestBin = 'node_modules/jest/bin/jest.js'
mkdirSync('.tmp', { recursive: true })
const totals = { passed: 0, failed: 0, skipped: 0 }

function step(name, cmd, args, { env = {}, jestReport } = {}) {
  const started = Date.now()
  console.log(`\n▶ ${name}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (jestReport) {
    try {
      const report = JSON.parse(readFileSync(jestReport, 'utf8'))
      totals.passed += report.numPassedTests
      totals.failed += report.numFailedTests
      totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0)
      rmSync(jestReport, { force: true })
    } catch {
      totals.failed += 1
    }
  }
  console.log(`◀ ${name}: ${r.status === 0 ? 'ok' : `失败（退出码 ${r.status}）`}，${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (r.status !== 0) finish(r.status ?? 1)
}

function finish(code) {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
  process.exit(code)
}

const jest = (name, config) => {
  const out = `.tmp/jest-${name}.json`
  step(name, node, [jestBin, ...(config ? ['-c', config] : []), '--json', `--outputFile=${out}`], { jestReport: out })
}

step('ensure browser', node, ['scripts/ensure-browser.mjs'])
step('typecheck', node, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'])
step('lint', node, ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', 'src', 'tests', 'scripts', 'config'])
// Every cloud function bundled as CloudBase gets it; the build fails (and lists
// them all) when one is over 500 KB. Built aside, so the deployable folder is untouched.
step('build cloud (≤ 500 KB each)', node, ['scripts/build-cloud.mjs', '--out=.tmp/cloudfunctions', '--quiet'])
// The port contracts run against PostgreSQL too when TEST_DATABASE_URL is set (.ci/run sets it).
console.log(`\nPostgreSQL contract: ${process.env.TEST_DATABASE_URL ? `against ${process.env.TEST_DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@')}` : 'not run — set TEST_DATABASE_URL'}`)
jest('unit-and-pages')
step('build weapp', node, ['node_modules/@tarojs/cli/bin/taro', 'build', '--type', 'weapp'])
step('size budget', node, ['scripts/check-size.mjs'])
jest('weapp-smoke', 'jest.weapp.config.js')
step('build h5', node, ['node_modules/@tarojs/cli/bin/taro', 'build', '--type', 'h5'])
step('build host', node, ['scripts/build-host.mjs'])
jest('browser', 'jest.e2e.config.js')
finish(totals.failed ? 1 : 0)
