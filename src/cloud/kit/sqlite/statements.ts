// Prepared statements kept per database and SQL text: preparing is the larger
// part of a small query's cost, and a deadline rush runs the same few
// statements thousands of times a second.
import type { Statement } from 'better-sqlite3'
import type { Db } from './db'

const caches = new WeakMap<Db, Map<string, Statement>>()

export function statement(db: Db, sql: string): Statement {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let s = cache.get(sql)
  if (!s) {
    s = db.prepare(sql)
    cache.set(sql, s)
  }
  return s
}
