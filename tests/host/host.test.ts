// The local host as a browser, a curl user and an operator meet it: bad input
// is refused with a stable code and a Chinese message and writes nothing; the
// development sign-in exists only in development; static files never leak
// from outside their folder; the bundled process starts, stops and restarts
// on the same data.
import Database from 'better-sqlite3'
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { MeOutput } from '../../src/contracts/identity'
import type { Fail, Result } from '../../src/contracts/result'
import { ROLE_LABELS } from '../../src/domain/roles'
import { MAX_BODY_BYTES, startHost, type RunningHost } from '../../src/host/server'
import { SESSION_COOKIE, loadSecret, signSession, verifySession } from '../../src/host/session'
import { DEMO_COMMUNITY_ID, DEMO_PEOPLE } from '../../src/seed/demo-community'
import { createHarness, DEMO, type Harness } from '../support/harness'

const ROOT = resolve(__dirname, '../..')
const C = DEMO_COMMUNITY_ID
const CHINESE = /[\u4e00-\u9fff]/

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/** A request exactly as written: unlike fetch, node:http does not normalise `..` or `%2e%2e` in the path. */
function raw(base: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] } = {}): Promise<Answer> {
  const { port } = new URL(base)
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (c: Buffer) => parts.push(c))
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString('utf8') }))
    })
    req.on('error', fail)
    if (opts.chunks) for (const c of opts.chunks) req.write(c)
    req.end(opts.body)
  })
}

interface Reply {
  status: number
  body: Result<unknown>
}

/** Calls a function over HTTP as the H5 client does; a string or Buffer body is sent as it is. */
async function call(base: string, name: string, body: unknown, cookie?: string): Promise<Reply> {
  const res = await fetch(`${base}api/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Result<unknown> }
}

const meOf = (r: Reply): MeOutput => {
  if (!r.body.ok) throw new Error(`expected ok, got ${r.status} ${r.body.code}: ${r.body.message}`)
  return r.body.data as MeOutput
}

/** Every row of every table of a database file, read without touching it. */
function dumpFile(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
    return tables.map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())}`).join('\n')
  } finally {
    db.close()
  }
}

describe('the host in-process', () => {
  let h: Harness
  let host: RunningHost
  let secret: Buffer
  let base: string
  let staticDir: string
  let errors: jest.SpyInstance
  const INDEX = '<!doctype html><title>共建家园</title><div id="app"></div>'
  const OUTSIDE = 'OUTSIDE-THE-STATIC-DIR'

  const cookieOf = (personId: string, key = secret) => `${SESSION_COOKIE}=${encodeURIComponent(signSession(key, DEMO[personId].openid))}`

  beforeAll(async () => {
    h = createHarness()
    // <tmp>/site/static is served; <tmp>/site/package.json and a sibling
    // folder whose name starts like the static one must never be.
    const site = join(h.dir, 'site')
    staticDir = join(site, 'static')
    mkdirSync(join(staticDir, 'assets'), { recursive: true })
    mkdirSync(join(site, 'static-private'), { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), INDEX)
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("共建家园")')
    writeFileSync(join(site, 'package.json'), OUTSIDE)
    writeFileSync(join(site, 'static-private', 'secret.txt'), OUTSIDE)
    secret = loadSecret(h.dir)
    host = await startHost({ ports: h.ports, secret, devMode: true, staticDir, port: 0 })
    base = host.url
  })
  afterAll(async () => {
    await host.close()
    h.close()
  })
  // Every refusal here is an answer, never a crash: nothing reaches the 500 path.
  beforeEach(() => { errors = jest.spyOn(console, 'error').mockImplementation(() => {}) })
  afterEach(() => {
    const calls = errors.mock.calls
    errors.mockRestore()
    expect(calls).toEqual([])
  })

  /** Runs a call that must be refused, and proves the database is unchanged by it. */
  async function refused(status: number, code: string, send: () => Promise<Reply>): Promise<Fail> {
    const before = h.snapshot()
    const r = await send()
    expect(h.snapshot()).toBe(before)
    expect(r.status).toBe(status)
    if (r.body.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.body)}`)
    const { details } = r.body
    expect(r.body).toEqual({ ok: false, code, message: expect.stringMatching(CHINESE), ...(details ? { details } : {}) })
    expect(r.body.message).not.toMatch(/Expected|Unexpected|SQL|Error/)
    return r.body
  }

  const grant = { communityId: C, personId: 'p-chen-jing', role: 'property' }

  test('platform-only functions (the timer jobs, founding a community) are not served over HTTP, signed in or not', async () => {
    const timerEvent = { Type: 'Timer', TriggerName: 'everyFiveMinutes', Time: '2026-11-28T02:00:00Z' }
    await refused(404, 'NOT_FOUND', () => call(base, 'scheduled-jobs', timerEvent))
    await refused(404, 'NOT_FOUND', () => call(base, 'scheduled-jobs', timerEvent, cookieOf('p-li-jianguo')))
    const founding = { communityId: 'c-huajing', name: '华景园', committeeId: 'p-li-jianguo' }
    await refused(404, 'NOT_FOUND', () => call(base, 'community-found', founding))
    await refused(404, 'NOT_FOUND', () => call(base, 'community-found', founding, cookieOf('p-li-jianguo')))
  })

  test('the database dump does see a write: the committee grants a role through the API', async () => {
    const before = h.snapshot()
    const r = await call(base, 'role-grant', { ...grant, role: 'supervisor' }, cookieOf('p-li-jianguo'))
    expect(r).toMatchObject({ status: 200, body: { ok: true, data: { personId: 'p-chen-jing', role: 'supervisor' } } })
    expect(h.snapshot()).not.toBe(before)
    expect(await call(base, 'role-revoke', { communityId: C, personId: 'p-chen-jing', role: 'supervisor' }, cookieOf('p-li-jianguo'))).toMatchObject({ status: 200 })
  })

  test('an unknown function is NOT_FOUND (404) and names what was asked for', async () => {
    const r = await refused(404, 'NOT_FOUND', () => call(base, 'no-such-fn', grant, cookieOf('p-li-jianguo')))
    expect(r.message).toContain('no-such-fn')
    // Names inherited from Object.prototype are not functions either.
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      await refused(404, 'NOT_FOUND', () => call(base, name, {}, cookieOf('p-li-jianguo')))
    }
  })

  test('malformed JSON, and JSON that is not an object, are BAD_REQUEST', async () => {
    const committee = cookieOf('p-li-jianguo')
    for (const body of ['{"communityId":', '{communityId: "x"}', "{'a':1}", '\u0000', '{"a":1}}']) {
      const r = await refused(400, 'BAD_REQUEST', () => call(base, 'role-grant', body, committee))
      expect(r.message).toBe('请求内容不是有效的 JSON')
    }
    for (const body of ['[]', '"role-grant"', '42', 'true', 'null']) {
      const r = await refused(400, 'BAD_REQUEST', () => call(base, 'role-grant', body, committee))
      expect(r.message).toBe('请求内容必须是 JSON 对象')
    }
  })

  test('a function is called with POST only', async () => {
    const r = await raw(base, '/api/fn/ping')
    expect(r.status).toBe(405)
    expect(JSON.parse(r.text)).toEqual({ ok: false, code: 'BAD_REQUEST', message: expect.stringMatching(CHINESE) })
  })

  test('1 MB is the limit: exactly 1 MB is served, one byte more is PAYLOAD_TOO_LARGE (413) and grants nothing', async () => {
    const committee = cookieOf('p-li-jianguo')
    const json = JSON.stringify(grant)
    // Valid JSON padded with whitespace: were the limit not enforced, this would grant the role.
    const padded = (size: number) => Buffer.from(json + ' '.repeat(size - Buffer.byteLength(json)))
    const pingAt = (size: number) => Buffer.from('{}' + ' '.repeat(size - 2))

    expect(await call(base, 'ping', pingAt(MAX_BODY_BYTES))).toMatchObject({ status: 200, body: { ok: true } })
    const r = await refused(413, 'PAYLOAD_TOO_LARGE', () => call(base, 'role-grant', padded(MAX_BODY_BYTES + 1), committee))
    expect(r.message).toContain('1 MB')
    // Sent in chunks with no declared length: the host counts as it reads.
    const body = padded(MAX_BODY_BYTES + 64 * 1024)
    const chunks = Array.from({ length: Math.ceil(body.length / 65536) }, (_, i) => body.subarray(i * 65536, (i + 1) * 65536))
    await refused(413, 'PAYLOAD_TOO_LARGE', async () => {
      const a = await raw(base, '/api/fn/role-grant', { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', cookie: committee }, chunks })
      return { status: a.status, body: JSON.parse(a.text) }
    })
    // The connection is still usable for the next call.
    expect(await call(base, 'ping', {})).toMatchObject({ status: 200, body: { ok: true } })
  })

  test('no session or a forged or tampered cookie is UNAUTHENTICATED (401); a genuine session with no person yet is NOT_REGISTERED (401)', async () => {
    const r = await refused(401, 'UNAUTHENTICATED', () => call(base, 'role-grant', grant))
    expect(r.message).toBe('请先登录')

    const real = signSession(secret, DEMO['p-zhang-wei'].openid)
    const [, mac] = real.split('.')
    const asChair = Buffer.from(DEMO['p-li-jianguo'].openid).toString('base64url')
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A')
    const forgedCookies = [
      cookieOf('p-li-jianguo', Buffer.alloc(32, 7)), // signed with another secret
      `${SESSION_COOKIE}=${asChair}.${mac}`, // the chair's openid under someone else's signature
      `${SESSION_COOKIE}=${real.split('.')[0]}.${flipped}`, // one character of the signature changed
      `${SESSION_COOKIE}=${asChair}.`, // no signature
      `${SESSION_COOKIE}=${asChair}`, // no dot at all
      `${SESSION_COOKIE}=${DEMO['p-li-jianguo'].openid}`, // a bare openid
      `${SESSION_COOKIE}=%E0%A4%A`, // not even valid percent-encoding
      `other=${encodeURIComponent(signSession(secret, DEMO['p-li-jianguo'].openid))}`, // right value, wrong cookie name
    ]
    for (const cookie of forgedCookies) {
      await refused(401, 'UNAUTHENTICATED', () => call(base, 'role-grant', grant, cookie))
      await refused(401, 'UNAUTHENTICATED', () => call(base, 'me', {}, cookie))
    }
    const stranger = `${SESSION_COOKIE}=${encodeURIComponent(signSession(secret, 'dev:nobody'))}` // genuine signature, no person yet
    await refused(401, 'NOT_REGISTERED', () => call(base, 'role-grant', grant, stranger))
    await refused(401, 'NOT_REGISTERED', () => call(base, 'me', {}, stranger))
    // 36 whole-database snapshots; the demo seed includes two assemblies' ballots.
  }, 30_000)

  test('a role the function does not allow is FORBIDDEN (403)', async () => {
    for (const who of ['p-zhang-wei', 'p-liu-yang', 'p-wang-xiuying', 'p-zhao-lei', 'p-sun-li']) {
      const r = await refused(403, 'FORBIDDEN', () => call(base, 'role-grant', grant, cookieOf(who)))
      expect(r.message).toBe('您在本小区没有执行此操作的权限')
    }
    // Committee of one community is nobody in another.
    await refused(403, 'FORBIDDEN', () => call(base, 'role-grant', { ...grant, communityId: 'c-elsewhere' }, cookieOf('p-li-jianguo')))
  })

  test('a schema failure is INVALID_INPUT (400) and names the field', async () => {
    const committee = cookieOf('p-li-jianguo')
    const cases: Array<[unknown, string]> = [
      [{ ...grant, role: 'king' }, 'role'],
      [{ communityId: C, role: 'property' }, 'personId'],
      [{ ...grant, personId: 42 }, 'personId'],
      [{ ...grant, communityId: '' }, 'communityId'],
    ]
    for (const [input, field] of cases) {
      const r = await refused(400, 'INVALID_INPUT', () => call(base, 'role-grant', input, committee))
      expect(r.message.startsWith(`${field}：`)).toBe(true)
      expect(r.details).toMatchObject({ field })
    }
    // An unknown field (an attempt to name the caller in the payload) is named too.
    const r = await refused(400, 'INVALID_INPUT', () => call(base, 'me', { openid: DEMO['p-li-jianguo'].openid }, cookieOf('p-zhang-wei')))
    expect(r.message).toContain('openid')
  })

  test('schema failures the contract did not word itself still answer in Chinese', async () => {
    const committee = cookieOf('p-li-jianguo')
    const r1 = await refused(400, 'INVALID_INPUT', () => call(base, 'role-grant', { ...grant, buildings: 'all' }, committee))
    expect(r1.message).toBe('buildings：应为列表，收到的是文字')
    const r2 = await refused(400, 'INVALID_INPUT', () => call(base, 'audit-log', { communityId: C, limit: 'x' }, committee))
    expect(r2.message).toBe('limit：应为数字，收到的是文字')
    const r3 = await refused(400, 'INVALID_INPUT', () => call(base, 'audit-log', { communityId: C, limit: 500 }, committee))
    expect(r3.message).toBe('limit：不能大于 200')
  })

  test('a request line the URL parser rejects is BAD_REQUEST, and the host keeps serving', async () => {
    const { port } = new URL(base)
    const answer = await new Promise<string>((done, fail) => {
      const s = connect(Number(port), '127.0.0.1', () => s.write('GET http://[/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))
      let text = ''
      s.on('data', (c) => { text += c })
      s.on('end', () => done(text))
      s.on('error', fail)
    })
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request')
    expect(answer).toContain('"code":"BAD_REQUEST"')
    expect(await call(base, 'ping', {})).toMatchObject({ status: 200, body: { ok: true } })
  })

  test('the sign-in page lists the demo people grouped by role, in Chinese, and says it is development mode', async () => {
    const res = await fetch(`${base}dev/signin`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    expect(html).toContain('开发模式')
    expect(html).toContain('长城二花园')
    const sections = [...html.matchAll(/<section><h2>([^<]+)<\/h2>(.*?)<\/section>/gs)].map(([, title, body]) => ({ title, names: [...body.matchAll(/<b>([^<]+)<\/b>/g)].map((m) => m[1]) }))
    expect(sections.map((s) => s.title)).toEqual(['业主', '住户', '楼长', '业委会', '物业', '监督', '尚未加入小区'])
    // Newcomers (signed in with WeChat, no unit bound yet) come last, to try binding a unit.
    expect(sections.pop()!.names).toEqual(DEMO_PEOPLE.filter((p) => p.roles.length === 0).map((p) => p.name))
    for (const s of sections) {
      const role = (Object.keys(ROLE_LABELS) as Array<keyof typeof ROLE_LABELS>).find((r) => ROLE_LABELS[r] === s.title)!
      const expected = DEMO_PEOPLE.filter((p) => p.roles.some((r) => r.role === role)).map((p) => p.name)
      expect(s.names.sort()).toEqual(expected.sort())
    }
  })

  test('signing in sets an HttpOnly signed cookie, and the next call answers as that person', async () => {
    const res = await fetch(`${base}dev/signin`, { method: 'POST', body: new URLSearchParams({ personId: 'p-wang-xiuying' }), redirect: 'manual' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/')
    const setCookie = res.headers.get('set-cookie') ?? ''
    const attrs = setCookie.split(';').map((s) => s.trim())
    expect(attrs).toEqual(expect.arrayContaining(['HttpOnly', 'Path=/', 'SameSite=Lax']))
    const [name, value] = attrs[0].split('=')
    expect(name).toBe(SESSION_COOKIE)
    expect(verifySession(secret, decodeURIComponent(value))).toBe(DEMO['p-wang-xiuying'].openid)

    const me = await call(base, 'me', {}, attrs[0])
    expect(me.status).toBe(200)
    expect(meOf(me)).toMatchObject({ person: { id: 'p-wang-xiuying', name: '王秀英' }, devMode: true })
    expect(meOf(me).memberships[0].buildings).toEqual(['1栋', '2栋', '3栋'])
  })

  test('signing in as nobody, or with an oversized form, is refused without a cookie', async () => {
    for (const body of ['personId=p-nobody', '', `personId=${'x'.repeat(5000)}`]) {
      const before = h.snapshot()
      const res = await fetch(`${base}dev/signin`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' })
      expect(res.headers.get('set-cookie')).toBeNull()
      const answer = await res.json()
      expect(answer).toEqual({ ok: false, code: body.length > 4096 ? 'PAYLOAD_TOO_LARGE' : 'INVALID_INPUT', message: expect.stringMatching(CHINESE) })
      expect(res.status).toBe(body.length > 4096 ? 413 : 400)
      expect(h.snapshot()).toBe(before)
    }
  })

  test('signing out clears the cookie', async () => {
    const res = await fetch(`${base}dev/signout`, { redirect: 'manual' })
    expect(res.status).toBe(303)
    expect(res.headers.get('set-cookie')).toBe(`${SESSION_COOKIE}=; Path=/; Max-Age=0`)
  })

  test('static files are served from the static folder, with index.html for every other path', async () => {
    const js = await raw(base, '/assets/app.js')
    expect(js).toMatchObject({ status: 200, text: 'console.log("共建家园")' })
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    for (const path of ['/', '/index.html', '/pages/vote/index?id=1', '/assets/', '/assets/missing.js']) {
      const page = await raw(base, path)
      expect({ path, status: page.status, text: page.text, type: page.headers['content-type'] }).toEqual({ path, status: 200, text: INDEX, type: 'text/html; charset=utf-8' })
    }
    const head = await raw(base, '/assets/app.js', { method: 'HEAD' })
    expect(head).toMatchObject({ status: 200, text: '' })
  })

  test('no path leaves the static folder, however it is encoded', async () => {
    const attempts = [
      '/../package.json',
      '/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/..%2Fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%2fstatic-private%2fsecret.txt',
      '/%2e%2e%2fstatic-private/secret.txt',
      '/..%5cpackage.json',
      '/%252e%252e%252fpackage.json',
      '//..%2fpackage.json',
      '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/index.html%00../../package.json',
      '/%E0%A4%A',
    ]
    for (const path of attempts) {
      const r = await raw(base, path)
      expect(r.text).not.toContain(OUTSIDE)
      expect(r.text).not.toContain('root:')
      // Either refused, or the app shell that every unknown path gets.
      if (r.status === 200) expect({ path, text: r.text }).toEqual({ path, text: INDEX })
      else expect({ path, status: r.status, body: JSON.parse(r.text) }).toEqual({ path, status: 404, body: { ok: false, code: 'NOT_FOUND', message: expect.stringMatching(CHINESE) } })
    }
  })

  test('without an H5 build the API still answers and pages say what to do', async () => {
    const bare = await startHost({ ports: h.ports, secret, devMode: true, staticDir: null, port: 0 })
    try {
      const r = await raw(bare.url, '/')
      expect(r.status).toBe(404)
      expect(JSON.parse(r.text)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('npm run build:h5') })
      expect(await call(bare.url, 'ping', {})).toMatchObject({ status: 200, body: { ok: true } })
    } finally {
      await bare.close()
    }
  })

  test('a host not in development mode has no sign-in page', async () => {
    const prod = await startHost({ ports: h.ports, secret, devMode: false, staticDir, port: 0 })
    try {
      for (const [method, path] of [['GET', '/dev/signin'], ['POST', '/dev/signin'], ['GET', '/dev/signout']]) {
        const r = await raw(prod.url, path, { method, body: method === 'POST' ? 'personId=p-li-jianguo' : undefined })
        expect(r.status).toBe(404)
        expect(r.headers['set-cookie']).toBeUndefined()
        expect(JSON.parse(r.text)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      }
      expect(meOf(await call(prod.url, 'me', {}, cookieOf('p-zhang-wei'))).devMode).toBe(false)
    } finally {
      await prod.close()
    }
  })
})

describe('the bundled host process', () => {
  const running = new Set<ChildProcess>()
  const temps: string[] = []
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'gj-host-'))
    temps.push(d)
    return d
  }

  interface Spawned {
    proc: ChildProcess
    url: string
    stdout(): string
    stderr(): string
    /** Sends the signal and resolves with the exit code. */
    stop(signal?: NodeJS.Signals): Promise<number | null>
  }

  function launch(env: Record<string, string>) {
    const { HOST_MODE: _mode, PORT: _port, DATA_DIR: _data, STATIC_DIR: _static, DATABASE_URL: _db, ...inherited } = process.env
    const proc = spawn(process.execPath, ['dist/host/main.js'], {
      cwd: ROOT,
      // A static folder that does not exist: these tests do not depend on an H5 build.
      env: { ...inherited, PORT: '0', STATIC_DIR: join(tmpdir(), 'gj-no-such-static'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    running.add(proc)
    proc.on('exit', () => running.delete(proc))
    let out = ''
    let err = ''
    proc.stdout!.setEncoding('utf8').on('data', (c: string) => { out += c })
    proc.stderr!.setEncoding('utf8').on('data', (c: string) => { err += c })
    const exited = once(proc, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
    return { proc, out: () => out, err: () => err, exited }
  }

  async function startProcess(env: Record<string, string>): Promise<Spawned> {
    const p = launch(env)
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`host did not print its URL in 10 s:\n${p.out()}\n${p.err()}`)), 10_000)
      const look = () => {
        const m = /已启动[^：]*：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(p.out())
        if (m) { clearTimeout(timer); done(m[1]) }
      }
      p.proc.stdout!.on('data', look)
      p.proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`host exited (${code}) before it was ready:\n${p.out()}\n${p.err()}`)) })
    })
    return {
      proc: p.proc,
      url,
      stdout: p.out,
      stderr: p.err,
      stop: async (signal = 'SIGINT') => {
        p.proc.kill(signal)
        const [code, sig] = await p.exited
        expect(sig).toBeNull()
        return code
      },
    }
  }

  const signIn = async (url: string, personId: string) => {
    const res = await fetch(`${url}dev/signin`, { method: 'POST', body: new URLSearchParams({ personId }), redirect: 'manual' })
    expect(res.status).toBe(303)
    return (res.headers.get('set-cookie') ?? '').split(';')[0]
  }

  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-host.mjs', '--quiet'], { cwd: ROOT, stdio: 'pipe' })
  }, 30_000)
  afterAll(() => {
    for (const p of running) p.kill('SIGKILL')
    for (const d of temps) rmSync(d, { recursive: true, force: true })
  })

  test('prints its URL, seeds the demo once, keeps its data across a restart, and stops cleanly on SIGINT and SIGTERM', async () => {
    const dataDir = tempDir()
    const db = join(dataDir, 'gongjian.db')
    const first = await startProcess({ DATA_DIR: dataDir })
    expect(first.stdout()).toContain('已创建演示小区：长城二花园')
    expect(first.stdout()).toContain('（开发模式）')
    expect(first.stdout()).toContain(`数据目录：${dataDir}`)
    expect(await call(first.url, 'ping', {})).toMatchObject({ status: 200, body: { ok: true, data: { pong: true } } })

    const chair = await signIn(first.url, 'p-li-jianguo')
    const granted = await call(first.url, 'role-grant', { communityId: C, personId: 'p-chen-jing', role: 'captain', buildings: ['4栋'] }, chair)
    expect(granted).toMatchObject({ status: 200, body: { ok: true, data: { role: 'captain', buildings: ['4栋'] } } })
    // The embedded database runs in WAL mode.
    const probe = new Database(db, { readonly: true })
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal')
    probe.close()

    expect(await first.stop('SIGINT')).toBe(0)
    expect(first.stdout()).toContain('收到 SIGINT，正在停止')
    expect(first.stderr()).toBe('')
    const afterFirst = dumpFile(db)

    const second = await startProcess({ DATA_DIR: dataDir })
    expect(second.stdout()).not.toContain('已创建演示小区')
    // Same secret on disk, so yesterday's session still holds; the grant is still there.
    const me = await call(second.url, 'me', {}, await signIn(second.url, 'p-chen-jing'))
    expect(meOf(me).memberships[0]).toMatchObject({ roles: expect.arrayContaining(['owner', 'captain']), buildings: ['4栋'] })
    expect(meOf(await call(second.url, 'me', {}, chair)).person.name).toBe('李建国')
    expect(await second.stop('SIGTERM')).toBe(0)
    expect(second.stderr()).toBe('')

    // Nothing was seeded twice, and a restart on its own changes no row.
    expect(dumpFile(db)).toBe(afterFirst)
    const check = new Database(db, { readonly: true })
    expect(check.prepare('SELECT COUNT(*) FROM communities').pluck().get()).toBe(1)
    expect(check.prepare('SELECT COUNT(*) FROM people').pluck().get()).toBe(DEMO_PEOPLE.length)
    expect(check.prepare('SELECT COUNT(*) FROM roll_versions').pluck().get()).toBe(1)
    expect(check.pragma('journal_mode', { simple: true })).toBe('wal')
    check.close()
  }, 20_000)

  test('in production mode the demo is not seeded and there is no sign-in page', async () => {
    const dataDir = tempDir()
    const host = await startProcess({ DATA_DIR: dataDir, HOST_MODE: 'production' })
    expect(host.stdout()).not.toContain('开发模式')
    expect(host.stdout()).not.toContain('已创建演示小区')
    for (const method of ['GET', 'POST']) {
      const r = await raw(host.url, '/dev/signin', { method, body: method === 'POST' ? 'personId=p-li-jianguo' : undefined })
      expect(r.status).toBe(404)
      expect(r.headers['set-cookie']).toBeUndefined()
      expect(JSON.parse(r.text)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
    // Even a correctly signed demo cookie names nobody here: a newcomer, still to register.
    const cookie = `${SESSION_COOKIE}=${encodeURIComponent(signSession(loadSecret(dataDir), DEMO['p-li-jianguo'].openid))}`
    expect(await call(host.url, 'me', {}, cookie)).toMatchObject({ status: 401, body: { code: 'NOT_REGISTERED' } })
    expect(await host.stop()).toBe(0)
    const db = new Database(join(dataDir, 'gongjian.db'), { readonly: true })
    expect(db.prepare('SELECT COUNT(*) FROM communities').pluck().get()).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM people').pluck().get()).toBe(0)
    db.close()
  }, 15_000)

  test('a DATA_DIR that cannot be used fails at once, naming DATA_DIR', async () => {
    const dir = tempDir()
    const file = join(dir, 'a-file')
    writeFileSync(file, 'not a folder')
    for (const dataDir of [file, join(file, 'below-a-file')]) {
      const started = Date.now()
      const p = launch({ DATA_DIR: dataDir })
      const [code] = await p.exited
      expect(code).toBe(1)
      expect(Date.now() - started).toBeLessThan(5_000)
      expect(p.err()).toContain('DATA_DIR')
      expect(p.err()).toContain(dataDir)
      expect(p.out()).not.toContain('http://')
    }
  }, 15_000)
  test('a DATABASE_URL that cannot be reached fails at once, naming DATABASE_URL and never its password', async () => {
    const started = Date.now()
    const p = launch({ DATA_DIR: tempDir(), DATABASE_URL: 'postgres://gj:s3cret-pw@127.0.0.1:1/gongjian' })
    const [code] = await p.exited
    expect(code).toBe(1)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(p.err()).toContain('DATABASE_URL')
    expect(p.err()).toContain('127.0.0.1:1')
    expect(p.err() + p.out()).not.toContain('s3cret-pw')
    expect(p.out()).not.toContain('http://')
  }, 15_000)

  test('a DATABASE_URL naming a Unix socket where no database listens fails at once, naming the socket and never the password', async () => {
    const socketDir = tempDir()
    const p = launch({ DATA_DIR: tempDir(), DATABASE_URL: `postgres://gj:s3cret-pw@/gongjian?host=${socketDir}` })
    const [code] = await p.exited
    expect(code).toBe(1)
    expect(p.err()).toContain(`DATABASE_URL 无法使用：postgres://gj@（Unix 套接字 ${socketDir}）/gongjian`)
    expect(p.err() + p.out()).not.toContain('s3cret-pw')
  }, 15_000)

  test('a DATABASE_POOL_SIZE that is not a whole number from 1 to 200 fails at once, naming it', async () => {
    for (const size of ['0', 'ten', '2.5']) {
      const p = launch({ DATA_DIR: tempDir(), DATABASE_URL: 'postgres://gj@127.0.0.1:1/gongjian', DATABASE_POOL_SIZE: size })
      const [code] = await p.exited
      expect(code).toBe(1)
      expect(p.err()).toContain(`DATABASE_POOL_SIZE 设置无效：${size}`)
      expect(p.out()).not.toContain('http://')
    }
  }, 15_000)

  const pgUrl = process.env.TEST_DATABASE_URL
  const onPostgres = pgUrl ? test : test.skip
  onPostgres(`on PostgreSQL (DATABASE_URL) the host seeds once, serves the same functions, and a database failure reaches the client as INTERNAL without SQL${pgUrl ? '' : ' — not run: set TEST_DATABASE_URL'}`, async () => {
    const { Client } = await import('pg')
    const schema = `host_${process.pid}_${Date.now()}`
    const admin = new Client({ connectionString: pgUrl })
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
    const url = new URL(pgUrl!)
    url.searchParams.set('options', `-c search_path=${schema}`)
    try {
      const env = { DATA_DIR: tempDir(), DATABASE_URL: url.toString() }
      const first = await startProcess(env)
      expect(first.stdout()).toContain('已创建演示小区：长城二花园')
      expect(first.stdout()).toContain('数据库：PostgreSQL')
      const chair = await signIn(first.url, 'p-li-jianguo')
      expect(await call(first.url, 'role-grant', { communityId: C, personId: 'p-chen-jing', role: 'captain', buildings: ['4栋'] }, chair))
        .toMatchObject({ status: 200, body: { ok: true, data: { role: 'captain', buildings: ['4栋'], auditSeq: 13 } } })
      // Voting: an assembly called with a short, explained notice opens a moment later; an owner
      // votes once, a second try is refused naming the first, and the list shows the one voter.
      const opensAt = Date.now() + 1_500
      const called = await call(first.url, 'assembly-call', {
        communityId: C, title: '更换电梯', notice: '电梯停运，请尽快表决', shortNoticeReason: '电梯停运', opensAt, closesAt: opensAt + 86_400_000 * 7,
        motions: [{ title: '更换 3 栋电梯', matter: 5 }],
      }, chair)
      expect(called).toMatchObject({ status: 200, body: { ok: true, data: { auditSeq: 14 } } })
      const { assemblyId, motionIds } = (called.body as { data: { assemblyId: string; motionIds: string[] } }).data
      await new Promise((r) => setTimeout(r, Math.max(0, opensAt - Date.now() + 50)))
      const zhang = await signIn(first.url, 'p-zhang-wei')
      const ballot = { communityId: C, assemblyId, votes: [{ motionId: motionIds[0], choice: 'agree' }] }
      const cast = await call(first.url, 'ballot-cast', ballot, zhang)
      expect(cast).toMatchObject({ status: 200, body: { ok: true, data: { ownerKey: 'O0006', channel: 'online', motionIds } } })
      const again = await call(first.url, 'ballot-cast', ballot, zhang)
      expect(again.body).toMatchObject({ ok: false, code: 'VOTE.ALREADY_CAST', details: { channel: 'online', castAt: (cast.body as { data: { castAt: number } }).data.castAt } })
      const list = await call(first.url, 'assembly-list', { communityId: C }, chair)
      expect(list.body).toMatchObject({ ok: true, data: [{ id: assemblyId, phase: 'open', participation: { total: { heads: 777 }, participating: { heads: 1 } } }] })
      expect(await first.stop('SIGTERM')).toBe(0)

      const second = await startProcess(env)
      expect(second.stdout()).not.toContain('已创建演示小区')
      const me = await call(second.url, 'me', {}, await signIn(second.url, 'p-chen-jing'))
      expect(meOf(me).memberships[0]).toMatchObject({ roles: expect.arrayContaining(['owner', 'captain']), buildings: ['4栋'] })
      // The database loses a table under the running host: the person sees the
      // one generic message; the SQL and the stack stay in the host's log.
      await admin.query(`ALTER TABLE ${schema}.memberships RENAME TO memberships_gone`)
      const broken = await call(second.url, 'me', {}, chair)
      expect(broken).toMatchObject({ status: 500, body: { ok: false, code: 'INTERNAL', message: '服务暂时出错，请稍后重试' } })
      expect(JSON.stringify(broken.body)).not.toMatch(/memberships|relation|SELECT|at .*\.js/)
      expect(second.stderr()).toContain('memberships')
      expect(await second.stop('SIGINT')).toBe(0)
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`)
      await admin.end()
    }
  }, 30_000)
})
