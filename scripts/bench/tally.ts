// How long the tally of a large assembly takes in-process: 50,000 owners (some
// with several units, the developer's unsold units as one owner) × 20 motions,
// 1,000,000 ballot rows in arrival order. Deterministic, so runs compare.
// Prints `bench tally_1m_ballots <median ms> ms`.
import { buildElectorate, tallyBallots, type BallotColumns } from '../../src/domain/voting/tally'

const OWNERS = 50_000
const MOTIONS = 20
const DEVELOPER_UNITS = 400

// A small LCG (Numerical Recipes constants): the same roll and ballots every run.
let seed = 20_261_128
const rand = (): number => {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0
  return seed / 2 ** 32
}
const areaOf = (): number => 4_000 + Math.floor(rand() * 14_001) // 40.00–180.00 m²

// The roll: owner 0 is the developer; about 1 in 10 owners has 2 units, 1 in 50 has 3.
const units: Array<{ voterKey: string; area: number }> = []
for (let d = 0; d < DEVELOPER_UNITS; d++) units.push({ voterKey: 'developer', area: areaOf() })
for (let o = 1; o < OWNERS; o++) {
  const r = rand()
  const count = r < 0.02 ? 3 : r < 0.12 ? 2 : 1
  for (let k = 0; k < count; k++) units.push({ voterKey: `owner-${o}`, area: areaOf() })
}
const electorate = buildElectorate(units)
if (electorate.total.heads !== OWNERS) throw new Error(`expected ${OWNERS} owners, got ${electorate.total.heads}`)

// Matters cycle through 1–9 so both thresholds are exercised.
const matters = Array.from({ length: MOTIONS }, (_, m) => (m % 9) + 1)

// One ballot per owner per motion, shuffled so rows arrive in no useful order.
const n = OWNERS * MOTIONS
const order = new Int32Array(n)
for (let i = 0; i < n; i++) order[i] = i
for (let i = n - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1))
  const t = order[i]
  order[i] = order[j]
  order[j] = t
}
const ballots: BallotColumns = { motion: new Int32Array(n), voter: new Int32Array(n), choice: new Uint8Array(n) }
for (let i = 0; i < n; i++) {
  const slot = order[i]
  const m = Math.floor(slot / OWNERS)
  const agreeShare = 0.45 + 0.04 * (m % 10) // 45 % .. 81 %: some pass, some fail
  const r = rand()
  ballots.motion[i] = m
  ballots.voter[i] = slot % OWNERS
  ballots.choice[i] = r < agreeShare ? 1 : r < agreeShare + (1 - agreeShare) / 2 ? 2 : 3
}

const gc = (globalThis as { gc?: () => void }).gc
const run = (): number => {
  gc?.()
  const t0 = performance.now()
  const results = tallyBallots(electorate, matters, ballots)
  const ms = performance.now() - t0
  // Every owner voted on every motion: a cheap check that the work was real.
  for (const r of results) {
    if (r.published.participating.heads !== OWNERS || r.published.participating.area !== electorate.total.area) throw new Error('tally lost ballots')
  }
  return ms
}

for (let w = 0; w < 3; w++) run()
const times = Array.from({ length: 9 }, run).sort((a, b) => a - b)
const median = times[Math.floor(times.length / 2)]
console.log(`bench tally_1m_ballots ${median.toFixed(1)} ms`)
