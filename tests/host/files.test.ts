// Uploads through the host's binary route and reading them back; the outbox page.
import { createHarness, DEMO, type Harness } from '../support/harness'
import { startHost, type RunningHost } from '../../src/host/server'
import { signSession } from '../../src/host/session'
import { DEMO_COMMUNITY_ID as C } from '../../src/seed/demo-community'

let h: Harness
let host: RunningHost
const secret = Buffer.alloc(32, 7)
const cookie = (who: string) => `gj_session=${encodeURIComponent(signSession(secret, DEMO[who].openid))}`
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

beforeEach(async () => {
  h = createHarness()
  host = await startHost({ ports: h.ports, secret, devMode: true, staticDir: null, port: 0 })
})
afterEach(async () => {
  await host.close()
  h.close()
})

const upload = (body: Buffer, who: string | null, q: Record<string, string> = {}): Promise<Response> =>
  fetch(`${host.url}api/files?${new URLSearchParams({ communityId: C, purpose: 'photo', name: '漏水.png', ...q })}`, {
    method: 'POST', body: new Uint8Array(body), headers: who ? { cookie: cookie(who) } : {},
  })

test('a member uploads a photo and members of the community can fetch it back, byte for byte', async () => {
  const r = await (await upload(png, 'p-zhang-wei')).json()
  expect(r).toMatchObject({ ok: true, data: { name: '漏水.png', kind: 'png', purpose: 'photo', size: png.length } })
  const got = await fetch(`${host.url}api/files/${r.data.fileId}`, { headers: { cookie: cookie('p-zhao-lei') } })
  expect(got.status).toBe(200)
  expect(got.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await got.arrayBuffer())).toEqual(png)
  expect((await fetch(`${host.url}api/files/${r.data.fileId}`)).status).toBe(401)
})

test('wrong type, no session, wrong community: refused with their codes, nothing stored', async () => {
  const before = h.snapshot()
  expect(await (await upload(Buffer.from('%PDF-1.4 fake'), 'p-zhang-wei')).json()).toMatchObject({ ok: false, code: 'FILE.WRONG_TYPE' })
  expect(await (await upload(png, null)).json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await (await upload(png, 'p-zhang-wei', { communityId: 'c-elsewhere' })).json()).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await (await upload(png, 'p-zhang-wei', { purpose: 'virus' })).json()).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(h.snapshot()).toBe(before)
})

test('an upload over 10 MB is refused before it is stored', async () => {
  const before = h.snapshot()
  const big = Buffer.alloc(10 * 1024 * 1024 + 1)
  png.copy(big)
  const res = await upload(big, 'p-zhang-wei', { purpose: 'document' })
  expect(res.status).toBe(413)
  expect(await res.json()).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: '文件超过 10 MB，请压缩后再上传' })
  expect(h.snapshot()).toBe(before)
})

test('someone not yet a member uploads proof through the route at most 6 times a day; the 7th is refused, nothing stored', async () => {
  for (let i = 0; i < 6; i++) expect(await (await upload(png, 'p-zhou-min', { purpose: 'document' })).json()).toMatchObject({ ok: true })
  const before = h.snapshot()
  expect(await (await upload(png, 'p-zhou-min', { purpose: 'document' })).json()).toMatchObject({ ok: false, code: 'VERIFY.UPLOAD_LIMIT' })
  expect(h.snapshot()).toBe(before)
})

test('the JSON route cannot smuggle bytes into file-upload', async () => {
  const res = await fetch(`${host.url}api/fn/file-upload`, { method: 'POST', headers: { cookie: cookie('p-zhang-wei') }, body: JSON.stringify({ communityId: C, purpose: 'photo', name: 'x.png', bytes: [137, 80, 78, 71] }) })
  expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: 'bytes：文件内容须通过上传接口提交' })
})

test('notifications queue once per recipient and key, and the outbox page shows them', async () => {
  const n = { communityId: C, recipientIds: ['p-zhang-wei', 'p-chen-jing'], kind: 'test', title: '业主大会开始投票', body: '请在 12 月 15 日前投票', dedupeKey: 'assembly-open:a1', at: Date.UTC(2026, 11, 1) }
  expect(await h.ports.notifications.send(n)).toBe(2)
  expect(await h.ports.notifications.send(n)).toBe(0)
  const html = await (await fetch(`${host.url}dev/outbox`)).text()
  expect(html.match(/业主大会开始投票/g)).toHaveLength(2)
  expect(html).toContain('开发模式')
})
