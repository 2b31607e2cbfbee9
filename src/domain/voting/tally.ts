// The tally of a motion by the legal arithmetic of shared/rules/owner-voting.md
// §2–4 and §9. Every test is an integer cross-multiplication on hundredths of
// m² and heads; nothing is ever divided.
//
// Two ways in: `tallyMotion` takes one motion's ballots as plain objects (the
// form a cloud function or a test holds), and `tallyBallots` takes a whole
// assembly's ballots as typed-array columns indexed against a precomputed
// `Electorate`, so a million ballots tally with no allocation per ballot.
import { AppError } from '../errors'
import { voterKeyOf, type RollUnit } from '../roll'
import { matterOf, type MatterNumber, type ThresholdClass } from './matters'

export const CHOICES = ['agree', 'oppose', 'abstain'] as const
export type Choice = (typeof CHOICES)[number]
export const isChoice = (s: unknown): s is Choice => s === 'agree' || s === 'oppose' || s === 'abstain'

/** Codes for the typed-array path; 0 is "no ballot", so a zeroed array is an empty ballot box. */
export const CHOICE_CODE: Readonly<Record<Choice, 1 | 2 | 3>> = Object.freeze({ agree: 1, oppose: 2, abstain: 3 })
const CODE_CHOICE: readonly Choice[] = ['agree', 'agree', 'oppose', 'abstain'] // index 0 unused
export const CHOICE_LABEL: Readonly<Record<Choice, string>> = Object.freeze({ agree: '同意', oppose: '反对', abstain: '弃权' })

export interface Count {
  area: number // hundredths of m²
  heads: number
}

export interface MotionTally {
  matter: MatterNumber
  threshold: ThresholdClass
  /** T: every owner on the roll. */
  total: Count
  /** P: owners who cast a ballot, abstentions included ([project choice] §4). */
  participating: Count
  /** Y: owners who agreed. */
  agree: Count
  oppose: Count
  abstain: Count
  quorumMet: boolean
  passed: boolean
}

/**
 * §9 [project choice]: how owners who cast no ballot are counted.
 * - 'not-counted' (default): they are neither participating nor agreeing.
 * - 'deemed-agree': the community's rules of procedure deem them to have cast
 *   an agree ballot, so they join both P and Y.
 */
export type NonVoterRule = 'not-counted' | 'deemed-agree'

/** What the rules screen says beside a result, so the rule is never hidden in code. */
export const NON_VOTER_RULE_TEXT: Readonly<Record<NonVoterRule, string>> = Object.freeze({
  'not-counted': '未投票的业主不计入参与表决人数和面积，也不计为同意（默认）',
  'deemed-agree': '本小区议事规则规定：未投票的业主视为投了同意票，计入参与表决和同意的人数和面积',
})

export interface TallyOptions {
  nonVoters?: NonVoterRule
}

export interface MotionResult {
  /** The rule that produced `published`. */
  publishedRule: NonVoterRule
  /** The result announced to owners. */
  published: MotionTally
  /** The ballots exactly as cast; always present. */
  asCast: MotionTally
  /** Side by side with `asCast` only when the community turned on 'deemed-agree'; otherwise null. */
  nonVotersDeemedAgree: MotionTally | null
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0

function badInput(message: string, details: Record<string, unknown>): AppError {
  return new AppError('VOTE.BAD_TALLY_INPUT', message, details)
}

/**
 * The decision from the sums alone (§2–4). Abstentions are part of P, only
 * agree is Y; a motion without a quorum is not passed whatever its agree share.
 */
export function decide(matter: number, total: Count, agree: Count, oppose: Count, abstain: Count): MotionTally {
  const m = matterOf(matter)
  for (const [name, c] of [['total', total], ['agree', agree], ['oppose', oppose], ['abstain', abstain]] as const) {
    if (!isCount(c.area) || !isCount(c.heads)) throw badInput(`计票数据无效：${name} 的面积和人数必须是非负整数`, { [name]: c })
  }
  // An empty roll would let 0 >= 0 pass a special motion nobody voted on.
  if (total.heads === 0) throw new AppError('VOTE.EMPTY_ROLL', '业主名册为空，无法计票')
  const P: Count = { area: agree.area + oppose.area + abstain.area, heads: agree.heads + oppose.heads + abstain.heads }
  if (P.area > total.area || P.heads > total.heads) {
    throw badInput('计票数据无效：参与表决的面积或人数超过了业主名册总数', { total, participating: P })
  }
  const T = total
  const Y = agree
  const quorumMet = 3 * P.area >= 2 * T.area && 3 * P.heads >= 2 * T.heads
  const thresholdMet =
    m.threshold === 'special'
      ? 4 * Y.area >= 3 * P.area && 4 * Y.heads >= 3 * P.heads
      : 2 * Y.area > P.area && 2 * Y.heads > P.heads
  return {
    matter: m.number,
    threshold: m.threshold,
    total: { ...T },
    participating: P,
    agree: { ...Y },
    oppose: { ...oppose },
    abstain: { ...abstain },
    quorumMet,
    passed: quorumMet && thresholdMet,
  }
}

/** §9: the same ballots with every non-voter counted as a cast agree ballot. */
export function deemNonVotersAgree(asCast: MotionTally): MotionTally {
  const { total: T, participating: P, agree: Y } = asCast
  const absent: Count = { area: T.area - P.area, heads: T.heads - P.heads }
  return decide(asCast.matter, T, { area: Y.area + absent.area, heads: Y.heads + absent.heads }, asCast.oppose, asCast.abstain)
}

function publish(asCast: MotionTally, options: TallyOptions): MotionResult {
  const rule = options.nonVoters ?? 'not-counted'
  if (rule !== 'not-counted' && rule !== 'deemed-agree') throw badInput(`未投票业主的计票规则无效：${String(rule)}`, { nonVoters: rule })
  if (rule === 'not-counted') return { publishedRule: rule, published: asCast, asCast, nonVotersDeemedAgree: null }
  const deemed = deemNonVotersAgree(asCast)
  return { publishedRule: rule, published: deemed, asCast, nonVotersDeemedAgree: deemed }
}

/** One owner's ballot on one motion; `area` is the sum of all the owner's units. */
export interface Ballot {
  voterKey: string
  choice: Choice
  area: number
}

export interface MotionInput {
  matter: number
  /** T from the roll (summariseRoll): all exclusive-part area, heads by the 第九条 rule. */
  total: Count
  /** One ballot per owner who took part. */
  ballots: readonly Ballot[]
}

export function tallyMotion(input: MotionInput, options: TallyOptions = {}): MotionResult {
  const sums = [0, 0, 0, 0]
  const heads = [0, 0, 0, 0]
  const seen = new Set<string>()
  for (const b of input.ballots) {
    if (!isChoice(b.choice)) throw badInput(`选票的选择无效：${String(b.choice)}（只能是同意、反对或弃权）`, { voterKey: b.voterKey })
    if (!isCount(b.area)) throw badInput(`业主 ${b.voterKey} 的面积无效`, { voterKey: b.voterKey, area: b.area })
    // One owner, one ballot: merging channels and units happens before the tally.
    if (seen.has(b.voterKey)) throw new AppError('VOTE.DUPLICATE_BALLOT', `业主 ${b.voterKey} 在同一议案上有两张选票`, { voterKey: b.voterKey })
    seen.add(b.voterKey)
    const c = CHOICE_CODE[b.choice]
    sums[c] += b.area
    heads[c]++
  }
  return tallySums(input.matter, input.total, { agree: { area: sums[1], heads: heads[1] }, oppose: { area: sums[2], heads: heads[2] }, abstain: { area: sums[3], heads: heads[3] } }, options)
}

/** One motion's ballots summed by choice: what a database's GROUP BY (or aggregation) gives. */
export type ChoiceSums = Readonly<Record<Choice, Count>>

/** A motion's result from the sums of its ballots by choice; every tally of a motion ends here. */
export function tallySums(matter: number, total: Count, sums: ChoiceSums, options: TallyOptions = {}): MotionResult {
  return publish(decide(matter, total, sums.agree, sums.oppose, sums.abstain), options)
}

// ---------------------------------------------------------------------------
// The bulk path: voters numbered once per assembly, ballots as columns.

/** The roll reduced to voters (owners, with all developer-unsold units as one). */
export interface Electorate {
  /** Voter keys; a voter's number is its position here. */
  readonly keys: readonly string[]
  readonly indexOf: ReadonlyMap<string, number>
  /** Per voter: the sum of their units' areas, hundredths of m². */
  readonly area: Float64Array
  readonly total: Count
}

/** Builds the electorate from units already keyed by voter (area adds up, heads are distinct keys). */
export function buildElectorate(units: Iterable<{ voterKey: string; area: number }>): Electorate {
  const indexOf = new Map<string, number>()
  const keys: string[] = []
  const areas: number[] = []
  let totalArea = 0
  for (const u of units) {
    if (!isCount(u.area)) throw badInput(`业主 ${u.voterKey} 名下房屋的面积无效`, { voterKey: u.voterKey, area: u.area })
    let v = indexOf.get(u.voterKey)
    if (v === undefined) {
      v = keys.length
      indexOf.set(u.voterKey, v)
      keys.push(u.voterKey)
      areas.push(0)
    }
    areas[v] += u.area
    totalArea += u.area
  }
  if (keys.length === 0) throw new AppError('VOTE.EMPTY_ROLL', '业主名册为空，无法计票')
  if (!Number.isSafeInteger(totalArea)) throw badInput('名册总面积过大', { area: totalArea })
  return { keys, indexOf, area: Float64Array.from(areas), total: { area: totalArea, heads: keys.length } }
}

/** The electorate of a roll, with developer-unsold units grouped by voterKeyOf. */
export const electorateFromRoll = (units: readonly RollUnit[]): Electorate =>
  buildElectorate(units.map((u) => ({ voterKey: voterKeyOf(u), area: u.area })))

/**
 * Ballot rows as columns, row i = (motion[i], voter[i], choice[i]): the motion's
 * position in the list passed to tallyBallots, the voter's number in the
 * Electorate, and a CHOICE_CODE. Rows may repeat an owner (one row per unit).
 */
export interface BallotColumns {
  motion: Int32Array
  voter: Int32Array
  choice: Uint8Array
}

/**
 * Tallies every motion of an assembly in one pass over the ballot rows.
 *
 * A row for any unit of an owner is that owner's ballot, so repeated rows of
 * one owner on one motion count once when they agree and are refused
 * (VOTE.CONFLICTING_CHOICES, details.row = the later row) when they differ.
 */
export function tallyBallots(electorate: Electorate, matters: readonly number[], ballots: BallotColumns, options: TallyOptions = {}): MotionResult[] {
  matters.forEach((m) => matterOf(m))
  const M = matters.length
  const V = electorate.keys.length
  const { motion, voter, choice } = ballots
  const n = voter.length
  if (motion.length !== n || choice.length !== n) throw badInput('选票列的长度不一致', { motion: motion.length, voter: n, choice: choice.length })

  // One byte per (motion, voter): the choice already counted, 0 if none.
  const box = new Uint8Array(M * V)
  // Sums per (motion, choice code) at index motion * 4 + code. Float64 holds
  // integers exactly far beyond any roll (2^53 hundredths of m²).
  const sumArea = new Float64Array(M * 4)
  const sumHeads = new Float64Array(M * 4)
  const area = electorate.area

  for (let i = 0; i < n; i++) {
    const m = motion[i]
    const v = voter[i]
    const c = choice[i]
    // Unsigned compares also catch negative numbers and the 0 code.
    if (m >>> 0 >= M || v >>> 0 >= V || (c - 1) >>> 0 > 2) throw badRow(i, m, v, c, M, V)
    const slot = m * V + v
    const prev = box[slot]
    if (prev === 0) {
      box[slot] = c
      const k = (m << 2) | c
      sumArea[k] += area[v]
      sumHeads[k] += 1
    } else if (prev !== c) {
      throw new AppError(
        'VOTE.CONFLICTING_CHOICES',
        `业主 ${electorate.keys[v]} 在第 ${m + 1} 个议案上既选了「${CHOICE_LABEL[CODE_CHOICE[prev]]}」又选了「${CHOICE_LABEL[CODE_CHOICE[c]]}」`,
        { row: i, motion: m, voterKey: electorate.keys[v], choice: CODE_CHOICE[c], earlierChoice: CODE_CHOICE[prev] },
      )
    }
  }

  const results: MotionResult[] = []
  for (let m = 0; m < M; m++) {
    const at = (c: number): Count => ({ area: sumArea[(m << 2) | c], heads: sumHeads[(m << 2) | c] })
    results.push(tallySums(matters[m], electorate.total, { agree: at(1), oppose: at(2), abstain: at(3) }, options))
  }
  return results
}

function badRow(i: number, m: number, v: number, c: number, M: number, V: number): AppError {
  const why = m >>> 0 >= M ? `议案序号 ${m} 超出范围` : v >>> 0 >= V ? `业主序号 ${v} 不在名册中` : `选择代码 ${c} 无效`
  return badInput(`第 ${i + 1} 张选票无效：${why}`, { row: i })
}
