// SQL text written once for both dialects: a query is built with `bind(value)`
// in place of each parameter, and each adapter says how a placeholder looks
// (`?` on SQLite, `$1, $2…` on PostgreSQL). Values must be bound in the order
// their placeholders appear in the text, since `?` is positional.
export type Bind = (value: unknown) => string

export interface Bound {
  sql: string
  args: unknown[]
}

export function binder(placeholder: (n: number) => string): (build: (bind: Bind) => string) => Bound {
  return (build) => {
    const args: unknown[] = []
    const sql = build((v) => {
      args.push(v)
      return placeholder(args.length)
    })
    return { sql, args }
  }
}
