// Where the host's data lives, shared by the host and the operator's CLIs
// (src/cli): SQLite in DATA_DIR, or PostgreSQL when DATABASE_URL is set
// (DATABASE_POOL_SIZE connections). Each fails at once, naming the setting.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HostPorts } from '../cloud/kit/hosting'
import { postgresPorts } from '../cloud/kit/postgres'
import { sqlitePorts } from '../cloud/kit/sqlite'
import { seedDemoPostgres } from '../seed/seed-postgres'
import { seedDemo } from '../seed/seed-sqlite'

const DATA_DIR_ERRORS: Record<string, string> = {
  EEXIST: '路径上已有同名文件', ENOTDIR: '路径中有一段是文件而不是文件夹', EACCES: '没有写入权限',
  EPERM: '没有写入权限', EROFS: '文件系统只读', ENOSPC: '磁盘已满',
}

/** Fails at once, naming DATA_DIR, when the data folder cannot be created or written. */
export function checkDataDir(dataDir: string) {
  try {
    mkdirSync(dataDir, { recursive: true })
    if (!statSync(dataDir).isDirectory()) throw new Error('不是文件夹')
    // A real write is the only sure test: access() says yes to root, and a
    // read-only mount would otherwise surface later as a SQLite error.
    const probe = join(dataDir, `.write-check-${process.pid}`)
    writeFileSync(probe, '')
    rmSync(probe, { force: true })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? ''
    const reason = DATA_DIR_ERRORS[code] ?? (e instanceof Error ? e.message : String(e))
    throw new Error(`DATA_DIR 无法使用：${dataDir}（${reason}${code ? `，${code}` : ''}），请指向一个可写的文件夹`)
  }
}

/**
 * The address without its password, for messages. A database on the same
 * machine is reached through its Unix socket (`postgres://user@/db?host=/run/postgresql`):
 * such an address has no host part, which URL refuses, so one is lent for parsing.
 */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url.replace(/^([a-z]+:\/\/(?:[^@/?#]*@)?)(?=[/?#]|$)/i, '$1localhost'))
    const socket = u.searchParams.get('host')
    const where = socket?.startsWith('/') ? `（Unix 套接字 ${socket}）` : u.host
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${where}${u.pathname}`
  } catch {
    return '（不是有效的地址）'
  }
}

/** PostgreSQL when DATABASE_URL is set (failing at once, naming it, when it cannot be used), else SQLite in DATA_DIR. */
export async function openPorts(dataDir: string, devMode: boolean): Promise<{ ports: HostPorts; seeded: boolean; where: string }> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const ports = sqlitePorts(join(dataDir, 'gongjian.db'))
    return { ports, seeded: devMode && seedDemo(ports.db, ports.now()), where: `数据目录：${dataDir}` }
  }
  const max = Number(process.env.DATABASE_POOL_SIZE || 16)
  if (!Number.isInteger(max) || max < 1 || max > 200) throw new Error(`DATABASE_POOL_SIZE 设置无效：${process.env.DATABASE_POOL_SIZE}（应为 1 到 200 的整数）`)
  let ports
  try {
    ports = await postgresPorts({ connectionString: url, max })
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))
    throw new Error(`DATABASE_URL 无法使用：${describeUrl(url)}（${reason}），请检查数据库地址、端口、用户名和口令`)
  }
  return { ports, seeded: devMode && (await seedDemoPostgres(ports.pool, ports.now())), where: `数据库：PostgreSQL ${describeUrl(url)}` }
}
