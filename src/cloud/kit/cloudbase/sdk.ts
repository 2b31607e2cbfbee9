// The parts of wx-server-sdk (4.x) the CloudBase adapters use, declared here
// so the adapters type-check and test without the SDK installed. The real SDK
// is installed in the cloud from each function's package.json, and the tests
// drive these adapters through an in-memory fake of exactly this surface.

export interface WxContext {
  OPENID?: string
  APPID?: string
  UNIONID?: string
  ENV?: string
}

/** A query operator from `db.command`; opaque to the adapters. */
export type Operator = { readonly __op: string }

export interface Command {
  eq(v: unknown): Operator
  neq(v: unknown): Operator
  gt(v: unknown): Operator
  gte(v: unknown): Operator
  lt(v: unknown): Operator
  lte(v: unknown): Operator
  in(vs: unknown[]): Operator
  /** Every condition on one field at once: `{ at: _.and(_.gte(a), _.lt(b)) }`. */
  and(...ops: Operator[]): Operator
  /** An update operator: adds n to a number field atomically (`update({ data: { n: _.inc(1) } })`). */
  inc(n: number): Operator
  /** `db.command.aggregate`, the accumulators of a group stage (`const $ = db.command.aggregate`). */
  aggregate: AggregateCommand
}

/** An accumulator expression of a group stage; opaque to the adapters. */
export type Accumulator = { readonly __acc: string }

export interface AggregateCommand {
  /** `$.sum('$field')` adds a field up; `$.sum(1)` counts the records of the group. */
  sum(expr: string | number): Accumulator
  first(expr: string): Accumulator
}

/**
 * `collection.aggregate()`: stages run on the server, `end()` sends the
 * pipeline. Without a `limit` stage a cloud function gets only the first 20
 * results, so every pipeline here ends with one.
 */
export interface Aggregate {
  match(cond: Record<string, unknown>): Aggregate
  /** `_id` is the group key: null, '$field', or an object of '$field's. */
  group(spec: { _id: unknown } & Record<string, unknown>): Aggregate
  /** Splits each record into one per element of the array at '$field'. */
  unwind(path: string): Aggregate
  /**
   * Orders the records by fields, 1 ascending, -1 descending (strings by
   * their binary order): what lets a grouped result be read a page at a time
   * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/aggregate/Aggregate.sort.html).
   */
  sort(spec: Record<string, 1 | -1>): Aggregate
  limit(n: number): Aggregate
  end(): Promise<{ list: Array<Record<string, unknown>> }>
}

export interface GetResult<T> { data: T[] }
export interface DocResult<T> { data: T }

export interface Query<T> {
  where(cond: Record<string, unknown>): Query<T>
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>
  skip(n: number): Query<T>
  limit(n: number): Query<T>
  get(): Promise<GetResult<T>>
  count(): Promise<{ total: number }>
}

export interface DocRef<T> {
  get(): Promise<DocResult<T>>
  set(opts: { data: Omit<T, '_id'> }): Promise<unknown>
  update(opts: { data: Partial<T> }): Promise<unknown>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface Collection<T> extends Query<T> {
  add(opts: { data: T }): Promise<{ _id: string }>
  doc(id: string): DocRef<T>
  aggregate(): Aggregate
}

export interface TxCollection<T> {
  add(opts: { data: T }): Promise<{ _id: string }>
  doc(id: string): DocRef<T>
}

export interface Transaction {
  collection<T = Record<string, unknown>>(name: string): TxCollection<T>
}

/** A pattern from `db.RegExp`; opaque to the adapters. */
export type DbRegExp = { readonly __regexp: string }

export interface Database {
  command: Command
  /**
   * A regular-expression condition on one string field (flags i, m, s):
   * `where({ name: db.RegExp({ regexp: '花园', options: '' }) })`. Not usable
   * inside a command such as `_.in`. See Database.RegExp,
   * https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/Database.RegExp.html
   */
  RegExp(opts: { regexp: string; options?: string }): DbRegExp
  collection<T = Record<string, unknown>>(name: string): Collection<T>
  /**
   * Snapshot isolation; the platform retries `fn` on a write conflict, so it
   * must have no other side effects. `times` is how many attempts in all
   * (the SDK's default is 3); only conflicts are retried, any other error
   * rejects at once.
   */
  runTransaction<R>(fn: (t: Transaction) => Promise<R>, times?: number): Promise<R>
}

export interface WxCloud {
  DYNAMIC_CURRENT_ENV: unknown
  init(opts?: { env?: unknown }): void
  database(): Database
  getWXContext(): WxContext
  uploadFile(opts: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  downloadFile(opts: { fileID: string }): Promise<{ fileContent: Buffer }>
  getTempFileURL(opts: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number }> }>
  openapi: {
    subscribeMessage: {
      send(opts: { touser: string; templateId: string; page?: string; data: Record<string, { value: string }>; miniprogramState?: 'developer' | 'trial' | 'formal' }): Promise<{ errCode: number; errMsg: string }>
    }
  }
}
