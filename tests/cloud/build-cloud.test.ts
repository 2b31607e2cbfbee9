// The CloudBase build, with WeChat's cloud SIMULATED: each bundle is one
// self-contained file within the size limit, pins wx-server-sdk, and — loaded
// the way the platform loads it, with the fake SDK standing in — answers as
// the person getWXContext() names.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { demoFoundation } from '../../src/seed/demo-foundation'
import { writeFoundationCloudbase } from '../../src/seed/seed-cloudbase'
import { fakeWxCloud } from '../support/fake-wx-cloud'

const ROOT = resolve(__dirname, '../..')
const out = mkdtempSync(join(tmpdir(), 'gj-cloudfunctions-'))
const FUNCTIONS = ['me', 'role-grant', 'file-upload']
jest.setTimeout(30_000)

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-cloud.mjs', ...FUNCTIONS, `--out=${out}`, '--quiet'], { cwd: ROOT, stdio: 'pipe' })
}, 60_000)
afterAll(() => rmSync(out, { recursive: true, force: true }))

test('each function folder holds one bundle under 500 KB, a package.json pinning wx-server-sdk, and a config.json with its timeout', () => {
  for (const name of FUNCTIONS) {
    expect(statSync(join(out, name, 'index.js')).size).toBeLessThanOrEqual(500 * 1024)
    expect(JSON.parse(readFileSync(join(out, name, 'package.json'), 'utf8'))).toMatchObject({ main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } })
    const config = JSON.parse(readFileSync(join(out, name, 'config.json'), 'utf8'))
    expect(config.permissions.openapi).toContain('subscribeMessage.send')
    // Uploads carry up to 10 MB to cloud storage: they get longer than the rest.
    expect(config.timeout).toBe(name === 'file-upload' ? 20 : 10)
  }
  // Self-contained: the only module left to the platform is the SDK.
  const requires = [...readFileSync(join(out, 'me', 'index.js'), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
  expect([...new Set(requires)].filter((m) => !m.startsWith('node:') && !['crypto'].includes(m))).toEqual(['wx-server-sdk'])
})

test('WeChat cloud simulated: the bundled role-grant answers as the caller getWXContext() names, at each call', async () => {
  const cloud = fakeWxCloud()
  await writeFoundationCloudbase(cloud.database(), demoFoundation(Date.UTC(2026, 10, 28)))
  jest.doMock('wx-server-sdk', () => cloud, { virtual: true })
  let bundle: { main: (event: unknown, context: unknown) => Promise<unknown> } | undefined
  jest.isolateModules(() => { bundle = require(join(out, 'role-grant', 'index.js')) })
  const grant = { communityId: 'c-changcheng2', personId: 'p-chen-jing', role: 'captain', buildings: ['4栋'] }
  cloud.as('dev:p-chen-jing')
  expect(await bundle!.main(grant, {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  cloud.as('dev:p-li-jianguo')
  expect(await bundle!.main({ ...grant, userInfo: { openId: 'dev:p-chen-jing' } }, {})).toMatchObject({ ok: true, data: { role: 'captain', buildings: ['4栋'], auditSeq: 13 } })
})
