// The local host: one Node process serving the H5 build and every cloud
// function over HTTP on 127.0.0.1, over SQLite (default) or PostgreSQL.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Result } from '../contracts/result'
import { FUNCTIONS, findFunction } from '../cloud/registry'
import { CONTENT_TYPES, FILE_LIMITS } from '../domain/files'
import type { HostPorts } from '../cloud/kit/hosting'
import { DEMO_COMMUNITY_ID, DEMO_COMMUNITY_NAME, DEMO_PEOPLE } from '../seed/demo-community'
import { outboxPage, signinPage } from './dev-signin'
import { SESSION_COOKIE, readCookie, signSession, verifySession } from './session'

export const MAX_BODY_BYTES = 1024 * 1024
/** The largest upload any purpose allows (spreadsheets and documents: 10 MB). */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(FILE_LIMITS).map((l) => l.maxBytes))

export interface HostOptions {
  ports: HostPorts
  secret: Buffer
  devMode: boolean
  /** Folder of the H5 build; when missing the host still serves the API. */
  staticDir: string | null
  port: number
  host?: string
}

export interface RunningHost {
  url: string
  server: Server
  close(): Promise<void>
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers })
  res.end(text)
}

const fail = (code: string, message: string): Result<never> => ({ ok: false, code, message })

const STATUS: Record<string, number> = { NOT_FOUND: 404, BAD_REQUEST: 400, PAYLOAD_TOO_LARGE: 413, UNAUTHENTICATED: 401, NOT_REGISTERED: 401, FORBIDDEN: 403, INVALID_INPUT: 400, INTERNAL: 500 }

class BodyError extends Error {
  constructor(readonly code: string, message: string) { super(message) }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    const tooLarge = () => new BodyError('PAYLOAD_TOO_LARGE', `请求内容超过 ${Math.round(limit / 1024 / 1024)} MB`)
    if (declared > limit) return reject(tooLarge())
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        reject(tooLarge())
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  const principalOf = (req: IncomingMessage) => {
    const openid = verifySession(opts.secret, readCookie(req.headers.cookie, SESSION_COOKIE))
    return openid ? { openid } : null
  }

  async function callFunction(name: string, req: IncomingMessage, res: ServerResponse) {
    const fn = findFunction(name)
    // A platform function (timer, operator) has no person behind it: over HTTP it would run for anyone, so the host does not serve it (its own timer runs the jobs, the operator a CLI).
    if (!fn || fn.access.kind === 'platform') return sendJson(res, 404, fail('NOT_FOUND', `没有名为「${name}」的功能`))
    let event: unknown
    try {
      const body = await readBody(req, MAX_BODY_BYTES)
      event = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
    } catch (e) {
      if (e instanceof BodyError) return sendJson(res, 413, fail(e.code, e.message))
      return sendJson(res, 400, fail('BAD_REQUEST', '请求内容不是有效的 JSON'))
    }
    // Every function takes an object; anything else would reach the schema and
    // come back with zod's English message instead of ours.
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      return sendJson(res, 400, fail('BAD_REQUEST', '请求内容必须是 JSON 对象'))
    }
    const result = await fn(event, { principal: principalOf(req), ports: opts.ports, devMode: opts.devMode })
    sendJson(res, result.ok ? 200 : STATUS[result.code] ?? 422, result)
  }

  /** Binary upload: the bytes are the body, the rest is in the query; the file-upload function decides. */
  async function upload(query: URLSearchParams, req: IncomingMessage, res: ServerResponse) {
    let bytes: Buffer
    try {
      bytes = await readBody(req, MAX_UPLOAD_BYTES)
    } catch (e) {
      if (e instanceof BodyError) return sendJson(res, 413, fail(e.code, '文件超过 10 MB，请压缩后再上传'))
      throw e
    }
    const event = { communityId: query.get('communityId') ?? '', purpose: query.get('purpose') ?? '', name: query.get('name') ?? '', bytes: new Uint8Array(bytes) }
    const result = await FUNCTIONS['file-upload'](event, { principal: principalOf(req), ports: opts.ports, devMode: opts.devMode })
    sendJson(res, result.ok ? 200 : STATUS[result.code] ?? 422, result)
  }

  /** A stored file, for signed-in members of the community it belongs to. */
  async function download(id: string, req: IncomingMessage, res: ServerResponse) {
    const principal = principalOf(req)
    if (!principal) return sendJson(res, 401, fail('UNAUTHENTICATED', '请先登录'))
    const [person, meta] = await Promise.all([opts.ports.identity.personByOpenid(principal.openid), opts.ports.files.meta(id)])
    if (!person) return sendJson(res, 401, fail('UNAUTHENTICATED', '请先登录'))
    const member = meta && (await opts.ports.identity.membershipsOf(person.id)).some((m) => m.communityId === meta.communityId)
    const bytes = member ? await opts.ports.files.read(id) : null
    if (!meta || !bytes) return sendJson(res, 404, fail('NOT_FOUND', '找不到该文件'))
    res.writeHead(200, { 'content-type': CONTENT_TYPES[meta.kind], 'content-length': bytes.length, 'cache-control': 'private, max-age=86400', 'x-content-type-options': 'nosniff' })
    res.end(bytes)
  }

  async function devSignin(req: IncomingMessage, res: ServerResponse) {
    let body: string
    try {
      body = (await readBody(req, 4096)).toString('utf8')
    } catch (e) {
      if (e instanceof BodyError) return sendJson(res, 413, fail(e.code, '请求内容过大'))
      throw e
    }
    const personId = new URLSearchParams(body).get('personId') ?? ''
    const person = DEMO_PEOPLE.find((p) => p.id === personId)
    if (!person) return sendJson(res, 400, fail('INVALID_INPUT', 'personId：没有这个演示身份'))
    res.writeHead(303, {
      location: '/',
      'set-cookie': `${SESSION_COOKIE}=${encodeURIComponent(signSession(opts.secret, person.openid))}; Path=/; HttpOnly; SameSite=Lax`,
    })
    res.end()
  }

  async function signinHtml(res: ServerResponse) {
    const people = await opts.ports.identity.communityPeople(DEMO_COMMUNITY_ID)
    const titles = new Map(DEMO_PEOPLE.map((p) => [p.id, p.title]))
    const entries = people.filter((p) => titles.has(p.person.id)).map((p) => ({ ...p, title: titles.get(p.person.id) }))
    // Demo people who belong to no community yet (newcomers who have still to bind a unit).
    for (const d of DEMO_PEOPLE) {
      if (entries.some((e) => e.person.id === d.id)) continue
      const person = await opts.ports.identity.personByOpenid(d.openid)
      if (person && (await opts.ports.identity.membershipsOf(person.id)).length === 0) entries.push({ person, roles: [], buildings: [], title: d.title })
    }
    const html = signinPage(DEMO_COMMUNITY_NAME, entries)
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end(html)
  }

  function serveStatic(pathname: string, res: ServerResponse) {
    if (!opts.staticDir) return sendJson(res, 404, fail('NOT_FOUND', '未构建 H5 页面：请先运行 npm run build:h5'))
    const root = resolve(opts.staticDir)
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return sendJson(res, 404, fail('NOT_FOUND', '找不到该页面'))
    }
    if (decoded.includes('\0')) return sendJson(res, 404, fail('NOT_FOUND', '找不到该页面'))
    let file = normalize(join(root, decoded))
    if (!file.startsWith(root + sep) && file !== root) return sendJson(res, 404, fail('NOT_FOUND', '找不到该页面'))
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
    if (!existsSync(file)) return sendJson(res, 404, fail('NOT_FOUND', '未构建 H5 页面：请先运行 npm run build:h5'))
    const isHtml = extname(file) === '.html'
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': isHtml ? 'no-cache' : 'public, max-age=3600' })
    // Without an error listener a file that vanishes or cannot be read would
    // crash the whole host.
    createReadStream(file).on('error', () => res.destroy()).pipe(res)
  }

  const server = createServer((req, res) => {
    const route = async () => {
      // Parsed inside the catch: a request line such as `GET http://[/` makes
      // URL throw, which outside it would take the whole host down. Prefixing
      // keeps `//x` a path rather than a host name.
      let url: URL
      try {
        const target = req.url ?? '/'
        url = new URL(target.startsWith('/') ? `http://localhost${target}` : target, 'http://localhost')
      } catch {
        return sendJson(res, 400, fail('BAD_REQUEST', '请求地址无效'))
      }
      const path = url.pathname
      if (path === '/api/files') {
        if (req.method !== 'POST') return sendJson(res, 405, fail('BAD_REQUEST', '请使用 POST 上传文件'))
        return upload(url.searchParams, req, res)
      }
      if (path.startsWith('/api/files/') && req.method === 'GET') return download(path.slice('/api/files/'.length), req, res)
      if (path.startsWith('/api/fn/')) {
        if (req.method !== 'POST') return sendJson(res, 405, fail('BAD_REQUEST', '请使用 POST 调用云函数'))
        return callFunction(path.slice('/api/fn/'.length), req, res)
      }
      if (path.startsWith('/dev/')) {
        if (!opts.devMode) return sendJson(res, 404, fail('NOT_FOUND', '找不到该页面'))
        if (path === '/dev/signin' && req.method === 'GET') return signinHtml(res)
        if (path === '/dev/signin' && req.method === 'POST') return devSignin(req, res)
        if (path === '/dev/outbox' && req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
          return res.end(outboxPage(opts.ports.outbox ? await opts.ports.outbox(200) : []))
        }
        if (path === '/dev/signout') {
          res.writeHead(303, { location: '/dev/signin', 'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0` })
          return res.end()
        }
        return sendJson(res, 404, fail('NOT_FOUND', '找不到该页面'))
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('BAD_REQUEST', '不支持的请求方法'))
      return serveStatic(path, res)
    }
    route().catch((e) => {
      console.error('[host]', e)
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', '服务暂时出错，请稍后重试'))
      else res.end()
    })
  })
  // Phones and the deadline surge keep their connections: an idle socket is
  // closed after 65 s, not Node's 5 s, which under a busy event loop can close
  // a socket whose next request has already arrived (the client sees ECONNRESET).
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}/`,
        server,
        close: () => new Promise<void>((done) => { server.close(() => done()); server.closeAllConnections() }),
      })
    })
  })
}
