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
import { cloudbasePorts } from '../../src/cloud/kit/cloudbase'
import { fakeWxCloud } from '../support/fake-wx-cloud'

const ROOT = resolve(__dirname, '../..')
const out = mkdtempSync(join(tmpdir(), 'gj-cloudfunctions-'))
const FUNCTIONS = ['me', 'role-grant', 'file-upload', 'ballot-cast']
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

test('WeChat cloud simulated: the bundled ballot-cast stores one ballot per owner and motion in the cloud database, and refuses the second', async () => {
  // Opening voting notifies owners; without a subscription template that is a logged warning only.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const cloud = fakeWxCloud()
  await writeFoundationCloudbase(cloud.database(), demoFoundation(Date.UTC(2026, 10, 28)))
  // An assembly open now (the bundle reads the real clock), set up through the same adapter.
  const now = Date.now()
  const voting = cloudbasePorts(cloud, { notifications: { templates: {} } }, () => now).voting
  const audit = { communityId: 'c-changcheng2', actorId: 'p-li-jianguo', action: 'assembly.call', subject: 'assembly:asm-bundle', data: {} }
  await voting.callAssembly({
    id: 'asm-bundle', communityId: 'c-changcheng2', title: '大会', notice: '公告', attachments: [], noticeAt: now - 20 * 86_400_000, opensAt: now - 3_600_000, closesAt: now + 86_400_000,
    shortNoticeReason: null, createdBy: 'p-li-jianguo', motions: [{ id: 'asm-bundle-m1', matter: 4, title: '续聘物业', body: '', seats: null, candidates: [] }],
  }, audit)
  jest.doMock('wx-server-sdk', () => cloud, { virtual: true })
  let bundle: { main: (event: unknown, context: unknown) => Promise<unknown> } | undefined
  jest.isolateModules(() => { bundle = require(join(out, 'ballot-cast', 'index.js')) })
  cloud.as('dev:p-zhang-wei')
  const ballot = { communityId: 'c-changcheng2', assemblyId: 'asm-bundle', votes: [{ motionId: 'asm-bundle-m1', choice: 'agree' }] }
  expect(await bundle!.main(ballot, {})).toMatchObject({ ok: true, data: { channel: 'online', ownerKey: 'O0006', motionIds: ['asm-bundle-m1'] } })
  expect(await bundle!.main({ ...ballot, votes: [{ motionId: 'asm-bundle-m1', choice: 'oppose' }] }, {})).toMatchObject({ ok: false, code: 'VOTE.ALREADY_CAST', details: { channel: 'online' } })
  expect([...cloud.collections.get('ballots')!.keys()]).toEqual(['c-changcheng2|asm-bundle|O0006|asm-bundle-m1'])
  warn.mockRestore()
})
