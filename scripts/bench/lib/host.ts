// The bundled host (dist/host/main.js) in a process of its own, as people run
// it, for the deadline-surge benches; and a keep-alive POST to it.
import { spawn, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import { join } from 'node:path'

/**
 * Starts the host in production mode on a free port with a data folder of its
 * own; `extra` adds settings (e.g. DATABASE_URL). The host's own settings from
 * this shell are dropped so a bench never measures another database by mistake.
 * HOST_NODE_ARGS (e.g. --cpu-prof) profiles the host under the surge.
 */
export function spawnHost(dataDir: string, extra: Record<string, string> = {}): { child: ChildProcess; port: Promise<number> } {
  const { HOST_MODE: _m, PORT: _p, DATA_DIR: _d, DATABASE_URL: _u, STATIC_DIR: _s, ...env } = process.env
  const nodeArgs = process.env.HOST_NODE_ARGS ? process.env.HOST_NODE_ARGS.split(' ') : []
  const child = spawn(process.execPath, [...nodeArgs, 'dist/host/main.js'], {
    env: { ...env, PORT: '0', DATA_DIR: dataDir, HOST_MODE: 'production', STATIC_DIR: join(dataDir, 'no-static'), ...extra },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  const port = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`主机退出（${code}）：${out}`)))
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)
      if (m) resolve(Number(m[1]))
    })
  })
  return { child, port }
}

/** POSTs a JSON body over a keep-alive agent, signed in by `cookie`. */
export function post(agent: Agent, port: number, path: string, cookie: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c) => { text += c })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}
