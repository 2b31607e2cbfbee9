// Exact quantities: area in integer hundredths of a square metre, money in
// integer fen. Parsing refuses anything that would need rounding.

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,2}))?$/

/** "80.5" -> 8050. Returns null for anything that is not a non-negative decimal with at most two places. */
export function parseHundredths(text: string): number | null {
  const m = DECIMAL.exec(text.trim())
  if (!m) return null
  const whole = Number(m[1])
  const frac = m[2] ? Number(m[2].padEnd(2, '0')) : 0
  const value = whole * 100 + frac
  return Number.isSafeInteger(value) ? value : null
}

/** 8050 -> "80.50" (always two places; negative values keep their sign). */
export function formatHundredths(value: number): string {
  const sign = value < 0 ? '-' : ''
  const abs = Math.abs(value)
  const whole = Math.floor(abs / 100)
  const frac = abs % 100
  return `${sign}${whole}.${String(frac).padStart(2, '0')}`
}

export const parseArea = parseHundredths
export const parseYuanToFen = parseHundredths
/** "80909.12" -> "80,909.12", for reading on a phone. */
const groupThousands = (decimal: string): string => decimal.replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',')

export const formatArea = (centiSquareMetres: number): string => `${groupThousands(formatHundredths(centiSquareMetres))} m²`
export const formatFen = (fen: number): string => `¥${groupThousands(formatHundredths(fen))}`

/**
 * a/b >= p/q by integer cross-multiplication. Inputs are integers small enough
 * (area totals in hundredths up to ~1e12) that the products stay below 2^53.
 */
export const atLeast = (a: number, b: number, p: number, q: number): boolean => q * a >= p * b
export const moreThan = (a: number, b: number, p: number, q: number): boolean => q * a > p * b

/** Integer percentage in tenths, e.g. 666 for 66.6 %, rounded down; for display only. */
export const perMille = (part: number, whole: number): number => (whole === 0 ? 0 : Math.floor((part * 1000) / whole))
