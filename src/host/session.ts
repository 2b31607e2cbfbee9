// The local host's development session: a cookie holding the person's openid,
// signed with a secret kept in the data folder. A cookie whose signature does
// not verify is treated as no session at all.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const SESSION_COOKIE = 'gj_session'

export function loadSecret(dataDir: string): Buffer {
  const file = join(dataDir, 'session-secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
}

const mac = (secret: Buffer, value: string) => createHmac('sha256', secret).update(value).digest('base64url')

export function signSession(secret: Buffer, openid: string): string {
  const value = Buffer.from(openid, 'utf8').toString('base64url')
  return `${value}.${mac(secret, value)}`
}

export function verifySession(secret: Buffer, token: string | undefined): string | null {
  if (!token) return null
  const dot = token.indexOf('.')
  if (dot <= 0) return null
  const value = token.slice(0, dot)
  const given = Buffer.from(token.slice(dot + 1))
  const expected = Buffer.from(mac(secret, value))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  return Buffer.from(value, 'base64url').toString('utf8')
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      // A malformed escape is a cookie we did not set: no session, not a 500.
      try {
        return decodeURIComponent(part.slice(eq + 1).trim())
      } catch {
        return undefined
      }
    }
  }
  return undefined
}
