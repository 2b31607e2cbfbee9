// Exact rates: a fraction of two integers, reduced, shown as a percentage
// only at the edge (rounded half up to one decimal by integer arithmetic).
export interface Fraction {
  num: number
  den: number
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b))

export function fraction(num: number, den: number): Fraction | null {
  if (den === 0) return null
  const g = gcd(num, den) || 1
  return { num: num / g, den: den / g }
}

/** 2/3 -> "66.7%"; null (nothing due) -> "—". */
export function formatPercent(f: Fraction | null): string {
  if (!f) return '—'
  const tenths = Math.floor((f.num * 2000 + f.den) / (2 * f.den))
  return `${Math.floor(tenths / 10)}${tenths % 10 ? `.${tenths % 10}` : ''}%`
}

/** 5/2 -> "2.5"; whole numbers without a decimal. Only halves occur for medians. */
export function formatFraction(f: Fraction | null): string {
  if (!f) return '—'
  if (f.den === 1) return String(f.num)
  const tenths = Math.floor((f.num * 20 + f.den) / (2 * f.den))
  return `${Math.floor(tenths / 10)}.${tenths % 10}`
}
