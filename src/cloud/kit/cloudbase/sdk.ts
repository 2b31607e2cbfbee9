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
  gt(v: unknown): Operator
  in(vs: unknown[]): Operator
}

export interface GetResult<T> { data: T[] }
export interface DocResult<T> { data: T }

export interface Query<T> {
  where(cond: Record<string, unknown>): Query<T>
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>
  skip(n: number): Query<T>
  limit(n: number): Query<T>
  get(): Promise<GetResult<T>>
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
}

export interface TxCollection<T> {
  add(opts: { data: T }): Promise<{ _id: string }>
  doc(id: string): DocRef<T>
}

export interface Transaction {
  collection<T = Record<string, unknown>>(name: string): TxCollection<T>
}

export interface Database {
  command: Command
  collection<T = Record<string, unknown>>(name: string): Collection<T>
  /** Snapshot isolation; the platform retries `fn` on a write conflict, so it must have no other side effects. */
  runTransaction<R>(fn: (t: Transaction) => Promise<R>): Promise<R>
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
