// An in-memory stand-in for the parts of wx-server-sdk the CloudBase adapters
// use (src/cloud/kit/cloudbase/sdk.ts), for tests that say so in their names:
// WeChat's cloud is SIMULATED here. It keeps the rules that matter to the
// adapters: add() with an existing _id is refused (in either of the two error
// forms the real service uses), get() returns at most 100 documents,
// doc().get() of a missing document rejects, and transactions are optimistic
// (snapshot reads, a conflicting commit is retried, `times` attempts in all)
// with every operation yielding to the event loop so concurrent calls really
// interleave. Aggregation runs the few stages the adapters use, the way the
// documentation describes them.
import type { Accumulator, Aggregate, Collection, Command, Database, DocRef, Operator, Query, Transaction, TxCollection, WxCloud, WxContext } from '../../src/cloud/kit/cloudbase/sdk'

type Doc = Record<string, unknown> & { _id: string }
type Op = Operator & { v: unknown }
type Acc = Accumulator & { expr: string | number }
export type Stage = { match: Record<string, unknown> } | { group: Record<string, unknown> } | { unwind: string } | { sort: Record<string, 1 | -1> } | { limit: number }

export type DuplicateStyle = 'E11000' | 'DATABASE_DUPLICATE_WRITE'

export interface FakeWxCloud extends WxCloud {
  /** Sets what getWXContext() answers, as the platform does per invocation. */
  as(openid: string | null): void
  collections: Map<string, Map<string, { doc: Doc; version: number }>>
  storage: Map<string, Buffer>
  sent: Array<{ touser: string; templateId: string; page?: string; data: Record<string, { value: string }> }>
  /** Every get(): collection, where, orderBy, skip, limit asked for. */
  queries: Array<{ collection: string; where: Record<string, unknown>; orderBy: Array<[string, 'asc' | 'desc']>; skip: number; limit: number | null }>
  /** Every aggregate().end(): collection and stages. */
  aggregations: Array<{ collection: string; stages: Stage[] }>
  /** Every count(): collection and where. */
  counts: Array<{ collection: string; where: Record<string, unknown> }>
  unsubscribed: Set<string>
  duplicateStyle: DuplicateStyle
  transactionRetries: number
}

const tick = () => new Promise<void>((r) => setImmediate(r))
const clone = <T>(v: T): T => structuredClone(v)

function duplicateError(style: DuplicateStyle, collection: string, id: string): Error {
  const e = new Error(style === 'E11000' ? `errCode: -502001 database request fail | errMsg: [FailedOperation] E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }` : 'DATABASE_DUPLICATE_WRITE: duplicate write')
  return Object.assign(e, style === 'E11000' ? { errCode: -502001, errMsg: e.message } : { code: 'DATABASE_DUPLICATE_WRITE', errMsg: e.message })
}
const notFound = (id: string) => Object.assign(new Error(`document.get:fail document with _id ${id} does not exist`), { errCode: -1, errMsg: `document.get:fail document with _id ${id} does not exist` })

const isOp = (v: unknown): v is Op => !!v && typeof v === 'object' && '__op' in v
type Pattern = { __regexp: string; options: string }
const isPattern = (v: unknown): v is Pattern => !!v && typeof v === 'object' && '__regexp' in v
function matches(doc: Doc, where: Record<string, unknown>): boolean {
  return Object.entries(where).every(([k, cond]) => {
    const v = doc[k]
    // db.RegExp matches string fields only, as MongoDB's $regex does.
    if (isPattern(cond)) return typeof v === 'string' && new RegExp(cond.__regexp, cond.options).test(v)
    if (!isOp(cond)) return v === cond
    return test(v, cond)
  })
}
/** One field's value against one query operator; comparisons of a missing field are false, as on the server. */
function test(v: unknown, cond: Op): boolean {
  const x = v as number | string
  const y = cond.v as number | string
  switch (cond.__op) {
    case 'eq': return v === cond.v
    case 'neq': return v !== cond.v
    case 'gt': return v !== undefined && v !== null && x > y
    case 'gte': return v !== undefined && v !== null && x >= y
    case 'lt': return v !== undefined && v !== null && x < y
    case 'lte': return v !== undefined && v !== null && x <= y
    case 'in': return (cond.v as unknown[]).includes(v)
    case 'and': return (cond.v as Op[]).every((c) => test(v, c))
    default: throw new Error(`fake: operator ${cond.__op}`)
  }
}

/** An update's fields applied to a document: plain values replace, `_.inc(n)` adds. */
function applyUpdate(doc: Doc, data: Record<string, unknown>): Doc {
  const out: Doc = { ...doc }
  for (const [k, v] of Object.entries(data)) {
    if (isOp(v) && v.__op === 'inc') out[k] = ((doc[k] as number | undefined) ?? 0) + (v.v as number)
    else if (isOp(v)) throw new Error(`fake: update operator ${v.__op}`)
    else out[k] = clone(v)
  }
  return out
}

/** The value at a '$a.b' field path. */
function valueAt(doc: Record<string, unknown>, path: string): unknown {
  if (!path.startsWith('$')) throw new Error(`fake: field paths start with $: ${path}`)
  let v: unknown = doc
  for (const key of path.slice(1).split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined
  return v
}

/** A group key: null, a '$field', or an object of them (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/aggregate/Aggregate.group.html). */
function groupKey(doc: Record<string, unknown>, spec: unknown): unknown {
  if (spec === null) return null
  if (typeof spec === 'string') return valueAt(doc, spec)
  return Object.fromEntries(Object.entries(spec as Record<string, string>).map(([k, p]) => [k, valueAt(doc, p)]))
}

/**
 * The stages the adapters use, as documented: `sum` ignores values that are
 * not numbers and adds a constant once per record (db.command.aggregate.sum,
 * https://docs.cloudbase.net/api-reference/server/node/database/aggregate/operators/sum);
 * `unwind` drops records whose array is missing, null or empty, its default
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/aggregate/Aggregate.unwind.html);
 * `sort` orders by its fields in turn, 1 ascending and -1 descending
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/aggregate/Aggregate.sort.html).
 * Without a limit stage a cloud function gets the first 20 results only
 * (observed by developers:
 * https://developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13).
 */
function runPipeline(input: Array<Record<string, unknown>>, stages: Stage[]): Array<Record<string, unknown>> {
  let docs = input
  let limited = false
  for (const stage of stages) {
    if ('match' in stage) docs = docs.filter((d) => matches(d as Doc, stage.match))
    else if ('unwind' in stage) {
      const field = stage.unwind.slice(1)
      if (!stage.unwind.startsWith('$') || field.includes('.')) throw new Error(`fake: unwind of ${stage.unwind}`)
      docs = docs.flatMap((d) => (Array.isArray(d[field]) ? (d[field] as unknown[]).map((v) => ({ ...d, [field]: v })) : []))
    } else if ('sort' in stage) {
      const order = Object.entries(stage.sort)
      docs = [...docs].sort((a, b) => {
        for (const [f, dir] of order) {
          const x = valueAt(a, `$${f}`) as string | number
          const y = valueAt(b, `$${f}`) as string | number
          if (x !== y) return (x < y ? -1 : 1) * dir
        }
        return 0
      })
    } else if ('limit' in stage) {
      docs = docs.slice(0, stage.limit)
      limited = true
    } else {
      const { _id: keySpec, ...fields } = stage.group
      const groups = new Map<string, Record<string, unknown>>()
      for (const d of docs) {
        const key = groupKey(d, keySpec)
        const k = JSON.stringify(key)
        let g = groups.get(k)
        if (!g) {
          g = { _id: key }
          for (const [name, acc] of Object.entries(fields) as Array<[string, Acc]>) g[name] = acc.__acc === 'sum' ? 0 : valueAt(d, acc.expr as string)
          groups.set(k, g)
        }
        for (const [name, acc] of Object.entries(fields) as Array<[string, Acc]>) {
          if (acc.__acc === 'first') continue
          if (acc.__acc !== 'sum') throw new Error(`fake: accumulator ${acc.__acc}`)
          const v = typeof acc.expr === 'number' ? acc.expr : valueAt(d, acc.expr)
          if (typeof v === 'number') g[name] = (g[name] as number) + v
        }
      }
      docs = [...groups.values()]
    }
  }
  return limited ? docs : docs.slice(0, 20)
}

export function fakeWxCloud(): FakeWxCloud {
  const collections = new Map<string, Map<string, { doc: Doc; version: number }>>()
  const table = (name: string) => {
    if (!collections.has(name)) collections.set(name, new Map())
    return collections.get(name)!
  }
  let context: WxContext = {}
  let idSeq = 0
  const command: Command = {
    eq: (v) => ({ __op: 'eq', v }) as Op,
    neq: (v) => ({ __op: 'neq', v }) as Op,
    gt: (v) => ({ __op: 'gt', v }) as Op,
    gte: (v) => ({ __op: 'gte', v }) as Op,
    lt: (v) => ({ __op: 'lt', v }) as Op,
    lte: (v) => ({ __op: 'lte', v }) as Op,
    in: (v) => ({ __op: 'in', v }) as Op,
    and: (...ops) => ({ __op: 'and', v: ops }) as Op,
    inc: (n) => ({ __op: 'inc', v: n }) as Op,
    aggregate: {
      sum: (expr) => ({ __acc: 'sum', expr }) as Acc,
      first: (expr) => ({ __acc: 'first', expr }) as Acc,
    },
  }

  const fake = {} as FakeWxCloud

  function query<T>(name: string, state: { where: Record<string, unknown>; orderBy: Array<[string, 'asc' | 'desc']>; skip: number; limit: number | null }): Query<T> {
    return {
      where: (cond) => query(name, { ...state, where: { ...state.where, ...cond } }),
      orderBy: (field, order) => query(name, { ...state, orderBy: [...state.orderBy, [field, order]] }),
      skip: (n) => query(name, { ...state, skip: n }),
      limit: (n) => query(name, { ...state, limit: n }),
      async get() {
        await tick()
        fake.queries.push({ collection: name, ...clone(state) })
        let docs = [...table(name).values()].map((r) => r.doc).filter((d) => matches(d, state.where))
        const order = state.orderBy.length ? state.orderBy : [['_id', 'asc'] as [string, 'asc']]
        docs.sort((a, b) => {
          for (const [f, dir] of order) {
            const x = a[f] as string | number
            const y = b[f] as string | number
            if (x !== y) return (x < y ? -1 : 1) * (dir === 'asc' ? 1 : -1)
          }
          return 0
        })
        // A cloud function gets at most 100 documents per request, whatever it asks for.
        docs = docs.slice(state.skip, state.skip + Math.min(state.limit ?? 100, 100))
        return { data: clone(docs) as unknown as T[] }
      },
      // Counts every match, not limited to 100 (Collection.count returns { total }:
      // https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/database/collection/Collection.count.html).
      async count() {
        await tick()
        fake.counts.push({ collection: name, where: clone(state.where) })
        return { total: [...table(name).values()].filter((r) => matches(r.doc, state.where)).length }
      },
    }
  }

  function aggregate(name: string, stages: Stage[]): Aggregate {
    const next = (stage: Stage) => aggregate(name, [...stages, stage])
    return {
      match: (cond) => next({ match: cond }),
      group: (spec) => next({ group: spec }),
      unwind: (path) => next({ unwind: path }),
      sort: (spec) => next({ sort: spec }),
      limit: (n) => next({ limit: n }),
      async end() {
        await tick()
        fake.aggregations.push({ collection: name, stages: clone(stages) })
        return { list: clone(runPipeline([...table(name).values()].map((r) => r.doc), stages)) }
      },
    }
  }

  function docRef<T>(name: string, id: string): DocRef<T> {
    return {
      async get() {
        await tick()
        const r = table(name).get(id)
        if (!r) throw notFound(id)
        return { data: clone(r.doc) as unknown as T }
      },
      async set({ data }) {
        await tick()
        const r = table(name).get(id)
        table(name).set(id, { doc: { ...clone(data as Record<string, unknown>), _id: id }, version: (r?.version ?? 0) + 1 })
        return {}
      },
      async update({ data }) {
        await tick()
        const r = table(name).get(id)
        if (r) table(name).set(id, { doc: applyUpdate(r.doc, data as Record<string, unknown>), version: r.version + 1 })
        return { stats: { updated: r ? 1 : 0 } }
      },
      async remove() {
        await tick()
        return { stats: { removed: table(name).delete(id) ? 1 : 0 } }
      },
    }
  }

  async function add(name: string, data: Record<string, unknown>): Promise<{ _id: string }> {
    await tick()
    const id = (data._id as string | undefined) ?? `auto-${++idSeq}`
    if (table(name).has(id)) throw duplicateError(fake.duplicateStyle, name, id)
    table(name).set(id, { doc: { ...clone(data), _id: id }, version: 1 })
    return { _id: id }
  }

  function collection<T>(name: string): Collection<T> {
    return {
      ...query<T>(name, { where: {}, orderBy: [], skip: 0, limit: null }),
      add: ({ data }) => add(name, data as Record<string, unknown>),
      doc: (id) => docRef<T>(name, id),
      aggregate: () => aggregate(name, []),
    }
  }

  /** One attempt: reads record the versions they saw; writes wait in a buffer until commit. */
  async function attempt<R>(fn: (t: Transaction) => Promise<R>): Promise<{ ok: true; value: R } | { ok: false }> {
    const seen = new Map<string, number>()
    const writes = new Map<string, { name: string; id: string; doc: Doc | null; create: boolean }>()
    const key = (name: string, id: string) => `${name}\u0000${id}`
    const current = (name: string, id: string) => {
      const w = writes.get(key(name, id))
      if (w) return w.doc
      const r = table(name).get(id)
      if (!seen.has(key(name, id))) seen.set(key(name, id), r?.version ?? 0)
      return r?.doc ?? null
    }
    const t: Transaction = {
      collection<T>(name: string): TxCollection<T> {
        return {
          async add({ data }) {
            await tick()
            const id = (data as Doc)._id
            if (current(name, id)) throw duplicateError(fake.duplicateStyle, name, id)
            writes.set(key(name, id), { name, id, doc: { ...clone(data as Doc) }, create: true })
            return { _id: id }
          },
          doc: (id) => ({
            async get() {
              await tick()
              const d = current(name, id)
              if (!d) throw notFound(id)
              return { data: clone(d) as unknown as T }
            },
            async set({ data }) {
              await tick()
              current(name, id)
              writes.set(key(name, id), { name, id, doc: { ...clone(data as Record<string, unknown>), _id: id }, create: false })
              return {}
            },
            async update({ data }) {
              await tick()
              const d = current(name, id)
              if (d) writes.set(key(name, id), { name, id, doc: applyUpdate(d, data as Record<string, unknown>), create: false })
              return {}
            },
            async remove() {
              await tick()
              const d = current(name, id)
              writes.set(key(name, id), { name, id, doc: null, create: false })
              return { stats: { removed: d ? 1 : 0 } }
            },
          }),
        }
      },
    }
    const value = await fn(t)
    // Commit, atomically (nothing awaits in here): any document read or
    // written that changed since is a write conflict.
    for (const w of writes.values()) current(w.name, w.id)
    for (const [k, version] of seen) {
      const [name, id] = k.split('\u0000')
      if ((table(name).get(id)?.version ?? 0) !== version) return { ok: false }
    }
    for (const w of writes.values()) {
      const r = table(w.name).get(w.id)
      if (w.doc) table(w.name).set(w.id, { doc: w.doc, version: (r?.version ?? 0) + 1 })
      else table(w.name).delete(w.id)
    }
    return { ok: true, value }
  }

  const db: Database = {
    command,
    collection,
    RegExp: ({ regexp, options }) => {
      if (/[^ims]/.test(options ?? '')) throw new Error(`fake: db.RegExp flags are i, m, s: ${options}`)
      return { __regexp: regexp, options: options ?? '' } as Pattern
    },
    // "times: 事务执行最多次数，默认 3 次 … 只有事务冲突时会重试" (Database.runTransaction,
    // https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/Database.runTransaction.html)
    async runTransaction<R>(fn: (t: Transaction) => Promise<R>, times = 3): Promise<R> {
      for (let i = 0; i < times; i++) {
        const r = await attempt(fn)
        if (r.ok) return r.value
        fake.transactionRetries++
        await tick()
      }
      throw Object.assign(new Error('transaction conflict, retries exhausted'), { errCode: -502003 })
    },
  }

  Object.assign(fake, {
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    collections,
    storage: new Map<string, Buffer>(),
    sent: [],
    queries: [],
    aggregations: [],
    counts: [],
    unsubscribed: new Set<string>(),
    duplicateStyle: 'E11000' as DuplicateStyle,
    transactionRetries: 0,
    init: () => undefined,
    database: () => db,
    getWXContext: () => ({ ...context }),
    as: (openid: string | null) => { context = openid ? { OPENID: openid, APPID: 'wx-fake' } : {} },
    async uploadFile({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) {
      await tick()
      const fileID = `cloud://fake-env.fake/${cloudPath}`
      fake.storage.set(fileID, Buffer.from(fileContent))
      return { fileID }
    },
    async downloadFile({ fileID }: { fileID: string }) {
      await tick()
      const bytes = fake.storage.get(fileID)
      if (!bytes) throw Object.assign(new Error('storage file not exist'), { errCode: -503003 })
      return { fileContent: Buffer.from(bytes) }
    },
    async getTempFileURL({ fileList }: { fileList: string[] }) {
      return { fileList: fileList.map((fileID) => ({ fileID, tempFileURL: `https://fake.tcb.qcloud.la/${fileID}`, status: 0 })) }
    },
    openapi: {
      subscribeMessage: {
        async send(m: FakeWxCloud['sent'][number]) {
          await tick()
          if (fake.unsubscribed.has(m.touser)) throw Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 })
          fake.sent.push(clone(m))
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
        },
      },
    },
  })
  return fake
}
