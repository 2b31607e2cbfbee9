// Electing the owners' committee (matter 3, ordinary). Each candidate is tallied
// like an ordinary motion in which approving the candidate is agreeing; those who
// pass the double majority are ranked, and a tie for the last seat is reported
// as a tie for the assembly to resolve, never broken silently by input order.
import { AppError } from '../errors'
import { ELECTION_MATTER } from './matters'
import { decide, type Count, type MotionTally } from './tally'

/** One owner's election ballot; `area` is the sum of all the owner's units. */
export interface ElectionBallot {
  voterKey: string
  area: number
  /** Candidates the owner approves (同意), at most `seats` of them. */
  approve: readonly string[]
  /** Candidates the owner marked 反对. A candidate in neither list is an abstention on that candidate. */
  oppose?: readonly string[]
}

export interface ElectionInput {
  seats: number
  /** Candidate ids in ballot order. */
  candidates: readonly string[]
  /** T from the roll. */
  total: Count
  /** One ballot per owner who took part in the election. */
  ballots: readonly ElectionBallot[]
}

export interface CandidateResult {
  candidate: string
  tally: MotionTally
  /** Standard competition rank among those who passed (1, 2, 2, 4); null if not passed. */
  rank: number | null
}

export interface ElectionResult {
  seats: number
  participating: Count
  quorumMet: boolean
  /** Every candidate, in the order given. */
  candidates: CandidateResult[]
  /** Candidates who passed, best first: agreeing heads, then agreeing area. */
  ranking: string[]
  elected: string[]
  /** Candidates level on heads and area across the last seat(s), and how many seats they compete for. */
  tie: { candidates: string[]; seats: number } | null
  /** Seats nobody passed for (a tie's seats are not counted here). */
  vacantSeats: number
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0

function badBallot(voterKey: string, message: string): AppError {
  return new AppError('VOTE.BAD_BALLOT', `业主 ${voterKey} 的选票无效：${message}`, { voterKey })
}

/** Seats and candidates checked; each candidate's position in ballot order. */
function positions(seats: number, candidates: readonly string[]): Map<string, number> {
  if (!Number.isSafeInteger(seats) || seats < 1) throw new AppError('VOTE.BAD_SEATS', `应选名额 ${String(seats)} 无效：必须是正整数`, { seats })
  const position = new Map<string, number>()
  candidates.forEach((c, i) => {
    if (position.has(c)) throw new AppError('VOTE.DUPLICATE_CANDIDATE', `候选人 ${c} 重复列出`, { candidate: c })
    position.set(c, i)
  })
  if (candidates.length === 0) throw new AppError('VOTE.NO_CANDIDATES', '选举没有候选人')
  return position
}

/** An election's ballots summed: what a database's GROUP BY (or aggregation) gives. */
export interface ElectionSums {
  /** Every ballot cast on the election, whatever it marked. */
  participating: Count
  /** Per candidate id: the owners who approved, and who opposed. A candidate missing has none. */
  approve: ReadonlyMap<string, Count>
  oppose: ReadonlyMap<string, Count>
}

export function tallyElection(input: ElectionInput): ElectionResult {
  const { seats, candidates, total, ballots } = input
  const position = positions(seats, candidates)

  const agreeArea = new Array<number>(candidates.length).fill(0)
  const agreeHeads = new Array<number>(candidates.length).fill(0)
  const opposeArea = new Array<number>(candidates.length).fill(0)
  const opposeHeads = new Array<number>(candidates.length).fill(0)
  const P: Count = { area: 0, heads: 0 }
  const voters = new Set<string>()

  for (const b of ballots) {
    if (voters.has(b.voterKey)) throw new AppError('VOTE.DUPLICATE_BALLOT', `业主 ${b.voterKey} 在本次选举中有两张选票`, { voterKey: b.voterKey })
    voters.add(b.voterKey)
    if (!isCount(b.area)) throw badBallot(b.voterKey, '面积无效')
    if (b.approve.length > seats) {
      throw new AppError('VOTE.TOO_MANY_CANDIDATES', `业主 ${b.voterKey} 同意了 ${b.approve.length} 名候选人，超过应选名额 ${seats} 名`, {
        voterKey: b.voterKey,
        approved: b.approve.length,
        seats,
      })
    }
    const marked = new Set<string>()
    const mark = (list: readonly string[], area: number[], heads: number[]) => {
      for (const c of list) {
        const i = position.get(c)
        if (i === undefined) throw new AppError('VOTE.UNKNOWN_CANDIDATE', `业主 ${b.voterKey} 的选票上有不在候选人名单中的 ${c}`, { voterKey: b.voterKey, candidate: c })
        if (marked.has(c)) throw badBallot(b.voterKey, `候选人 ${c} 被标记了不止一次`)
        marked.add(c)
        area[i] += b.area
        heads[i]++
      }
    }
    mark(b.approve, agreeArea, agreeHeads)
    mark(b.oppose ?? [], opposeArea, opposeHeads)
    // Casting the ballot is taking part, for every candidate on it.
    P.area += b.area
    P.heads++
  }

  const sums = (area: number[], heads: number[]) => new Map(candidates.map((c, i) => [c, { area: area[i], heads: heads[i] }]))
  return electionFromSums({ seats, candidates, total }, { participating: P, approve: sums(agreeArea, agreeHeads), oppose: sums(opposeArea, opposeHeads) })
}

/**
 * An election's result from its sums alone; every election tally ends here.
 * Each candidate is an ordinary motion in which approving is agreeing and a
 * cast ballot that marks neither way abstains on them.
 */
export function electionFromSums(input: Omit<ElectionInput, 'ballots'>, sums: ElectionSums): ElectionResult {
  const { seats, candidates, total } = input
  const position = positions(seats, candidates)
  for (const c of [...sums.approve.keys(), ...sums.oppose.keys()]) {
    if (!position.has(c)) throw new AppError('VOTE.UNKNOWN_CANDIDATE', `计票数据中有不在候选人名单中的 ${c}`, { candidate: c })
  }
  const P = sums.participating
  const none: Count = { area: 0, heads: 0 }
  const results: CandidateResult[] = candidates.map((candidate) => {
    const agree = { ...(sums.approve.get(candidate) ?? none) }
    const oppose = { ...(sums.oppose.get(candidate) ?? none) }
    const abstain = { area: P.area - agree.area - oppose.area, heads: P.heads - agree.heads - oppose.heads }
    return { candidate, tally: decide(ELECTION_MATTER, total, agree, oppose, abstain), rank: null }
  })

  const passed = results.filter((r) => r.tally.passed)
  const better = (a: MotionTally, b: MotionTally): boolean =>
    a.agree.heads !== b.agree.heads ? a.agree.heads > b.agree.heads : a.agree.area > b.agree.area
  const level = (a: MotionTally, b: MotionTally): boolean => a.agree.heads === b.agree.heads && a.agree.area === b.agree.area
  // Sort is stable, so level candidates keep ballot order for display only.
  passed.sort((a, b) => (better(a.tally, b.tally) ? -1 : better(b.tally, a.tally) ? 1 : 0))
  for (const r of passed) r.rank = 1 + passed.filter((o) => better(o.tally, r.tally)).length

  let elected: CandidateResult[]
  let tie: ElectionResult['tie'] = null
  if (passed.length <= seats || !level(passed[seats - 1].tally, passed[seats].tally)) {
    elected = passed.slice(0, seats)
  } else {
    const last = passed[seats - 1].tally
    elected = passed.filter((r) => better(r.tally, last))
    tie = { candidates: passed.filter((r) => level(r.tally, last)).map((r) => r.candidate), seats: seats - elected.length }
  }

  return {
    seats,
    participating: { ...P },
    quorumMet: results[0].tally.quorumMet,
    candidates: results,
    ranking: passed.map((r) => r.candidate),
    elected: elected.map((r) => r.candidate),
    tie,
    vacantSeats: seats - elected.length - (tie ? tie.seats : 0),
  }
}
