// What the tally says at the legal boundaries (owner-voting.md §2–4, §9). Every
// expected value here is worked out by hand in the comment beside it; areas are
// hundredths of m² (10000 = 100.00 m²).
import { AppError } from '../../src/domain/errors'
import { summariseRoll, type RollUnit } from '../../src/domain/roll'
import {
  CHOICE_CODE,
  decide,
  electorateFromRoll,
  tallyBallots,
  tallyMotion,
  type Ballot,
  type BallotColumns,
  type Count,
} from '../../src/domain/voting/tally'

const c = (area: number, heads: number): Count => ({ area, heads })
const NONE = c(0, 0)

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e.code
    throw e
  }
  return undefined
}

describe('quorum: at least 2/3 of the area AND 2/3 of the heads took part', () => {
  // T = 300.00 m², 9 owners. 2/3 of the area is exactly 200.00 m²; 2/3 of the heads is exactly 6.
  // Everyone who took part agreed, so an ordinary motion passes exactly when there is a quorum.
  const T = c(30000, 9)
  test.each([
    ['area exactly 2/3 (200.00 of 300.00), heads 8 of 9', c(20000, 8), true],
    ['area one hundredth under (199.99)', c(19999, 8), false],
    ['area one hundredth over (200.01)', c(20001, 8), true],
  ])('area: %s', (_, P, met) => {
    const t = decide(5, T, P, NONE, NONE)
    expect(t.quorumMet).toBe(met)
    expect(t.passed).toBe(met)
  })
  test.each([
    ['heads exactly 2/3 (6 of 9), area 290.00 of 300.00', c(29000, 6), true],
    ['one head under (5 of 9)', c(29000, 5), false],
    ['one head over (7 of 9)', c(29000, 7), true],
  ])('heads: %s', (_, P, met) => {
    const t = decide(5, T, P, NONE, NONE)
    expect(t.quorumMet).toBe(met)
    expect(t.passed).toBe(met)
  })

  test('no quorum means not passed, even with 100 % agree, ordinary and special alike', () => {
    // 199.99 of 300.00 m² and 8 of 9 owners took part, all agreeing: the area falls short of 2/3.
    for (const matter of [1, 6]) {
      const t = decide(matter, T, c(19999, 8), NONE, NONE)
      expect(t).toMatchObject({ quorumMet: false, passed: false, participating: c(19999, 8), agree: c(19999, 8) })
    }
    // 290.00 m² but only 5 of 9 owners: the heads fall short.
    expect(decide(7, T, c(29000, 5), NONE, NONE)).toMatchObject({ quorumMet: false, passed: false })
  })
})

describe('ordinary matters: agree more than half of the participating area AND heads', () => {
  // Everyone took part: P = T = 200.00 m², 10 owners. Half is 100.00 m² / 5 heads, and half is not enough.
  const P = c(20000, 10)
  test.each([
    ['area exactly half (100.00 of 200.00) fails', c(10000, 8), false],
    ['area one hundredth over half (100.01) passes', c(10001, 8), true],
    ['area one hundredth under half (99.99) fails', c(9999, 8), false],
  ])('%s', (_, Y, passed) => {
    const t = decide(4, P, Y, c(P.area - Y.area, P.heads - Y.heads), NONE)
    expect(t.threshold).toBe('ordinary')
    expect(t.quorumMet).toBe(true)
    expect(t.passed).toBe(passed)
  })
  test.each([
    ['heads exactly half (5 of 10) fails', c(18000, 5), false],
    ['one head over half (6 of 10) passes', c(18000, 6), true],
    ['one head under half (4 of 10) fails', c(18000, 4), false],
  ])('%s', (_, Y, passed) => {
    expect(decide(4, P, Y, c(P.area - Y.area, P.heads - Y.heads), NONE).passed).toBe(passed)
  })
  test('odd participating heads: 5 of 9 is more than half, 4 of 9 is not', () => {
    const P9 = c(18000, 9)
    expect(decide(2, P9, c(10000, 5), c(8000, 4), NONE).passed).toBe(true)
    expect(decide(2, P9, c(10000, 4), c(8000, 5), NONE).passed).toBe(false)
  })
})

describe('special matters (6, 7, 8): agree at least 3/4 of the participating area AND heads', () => {
  // P = T = 400.00 m², 8 owners. 3/4 is exactly 300.00 m² / 6 heads, and exactly 3/4 is enough (以上).
  const P = c(40000, 8)
  test.each([
    ['area exactly 3/4 (300.00 of 400.00) passes', c(30000, 7), true],
    ['area one hundredth under (299.99) fails', c(29999, 7), false],
    ['area one hundredth over (300.01) passes', c(30001, 7), true],
  ])('%s', (_, Y, passed) => {
    const t = decide(6, P, Y, c(P.area - Y.area, P.heads - Y.heads), NONE)
    expect(t.threshold).toBe('special')
    expect(t.passed).toBe(passed)
  })
  test.each([
    ['heads exactly 3/4 (6 of 8) passes', c(39000, 6), true],
    ['one head under (5 of 8) fails', c(39000, 5), false],
    ['one head over (7 of 8) passes', c(39000, 7), true],
  ])('%s', (_, Y, passed) => {
    expect(decide(8, P, Y, c(P.area - Y.area, P.heads - Y.heads), NONE).passed).toBe(passed)
  })
  test('what passes an ordinary matter can fail a special one: 2/3 agree', () => {
    // Y = 200.00 of 300.00 m², 4 of 6 heads: 2Y > P on both counts, but 4Y = 800.00 < 3P = 900.00.
    const T = c(30000, 6)
    expect(decide(5, T, c(20000, 4), c(10000, 2), NONE).passed).toBe(true)
    expect(decide(7, T, c(20000, 4), c(10000, 2), NONE).passed).toBe(false)
  })
})

describe('abstention is a cast ballot: it counts as taking part, never as agreeing', () => {
  test('an abstention makes the quorum', () => {
    // T = 9 owners × 100.00 m². 4 agree + 2 abstain = 6 of 9 heads, 600.00 of 900.00 m²: exactly 2/3.
    const ballots: Ballot[] = [
      ...['a', 'b', 'c', 'd'].map((k) => ({ voterKey: k, choice: 'agree' as const, area: 10000 })),
      { voterKey: 'e', choice: 'abstain', area: 10000 },
      { voterKey: 'f', choice: 'abstain', area: 10000 },
    ]
    const r = tallyMotion({ matter: 1, total: c(90000, 9), ballots })
    expect(r.published).toEqual({
      matter: 1,
      threshold: 'ordinary',
      total: c(90000, 9),
      participating: c(60000, 6),
      agree: c(40000, 4),
      oppose: NONE,
      abstain: c(20000, 2),
      quorumMet: true,
      // 2 × 400.00 > 600.00 and 2 × 4 > 6.
      passed: true,
    })
  })
  test('an abstention raises the bar: 2 agree, 1 oppose, 1 abstain is not more than half', () => {
    // P = 4 heads, 400.00 m²; Y = 2 heads, 200.00 m²: 2Y = P, not more. Without the abstention it would pass.
    const ballots: Ballot[] = [
      { voterKey: 'a', choice: 'agree', area: 10000 },
      { voterKey: 'b', choice: 'agree', area: 10000 },
      { voterKey: 'c', choice: 'oppose', area: 10000 },
      { voterKey: 'd', choice: 'abstain', area: 10000 },
    ]
    const r = tallyMotion({ matter: 9, total: c(40000, 4), ballots })
    expect(r.published).toMatchObject({ participating: c(40000, 4), agree: c(20000, 2), abstain: c(10000, 1), quorumMet: true, passed: false })
    expect(tallyMotion({ matter: 9, total: c(40000, 4), ballots: ballots.slice(0, 3) }).published.passed).toBe(true)
  })
})

describe('heads are owners: a multi-unit owner is one head, all developer-unsold units are one head', () => {
  // 1栋0101 + 1栋0102 belong to 张: 100.00 + 50.00 m², one head.
  // 1栋0201 李 80.00; 2栋0201 王 90.00.
  // 2栋0101 and 2栋0102 are unsold: 120.00 + 120.00 m², one head (the developer), whatever their owner keys.
  const roll: RollUnit[] = [
    { building: '1栋', unitNo: '0101', area: 10000, ownerKey: 'zhang', developerUnsold: false },
    { building: '1栋', unitNo: '0102', area: 5000, ownerKey: 'zhang', developerUnsold: false },
    { building: '1栋', unitNo: '0201', area: 8000, ownerKey: 'li', developerUnsold: false },
    { building: '2栋', unitNo: '0101', area: 12000, ownerKey: 'dev-2-0101', developerUnsold: true },
    { building: '2栋', unitNo: '0102', area: 12000, ownerKey: 'dev-2-0102', developerUnsold: true },
    { building: '2栋', unitNo: '0201', area: 9000, ownerKey: 'wang', developerUnsold: false },
  ]
  // T = 100 + 50 + 80 + 120 + 120 + 90 = 560.00 m²; heads: 张, 李, developer, 王 = 4.
  const T = c(56000, 4)
  const electorate = electorateFromRoll(roll)
  const v = (key: string) => electorate.indexOf.get(key)!

  test('the electorate counts 4 heads and 560.00 m², the same as the roll summary', () => {
    expect(electorate.total).toEqual(T)
    expect(summariseRoll(roll)).toMatchObject({ area: 56000, heads: 4 })
    expect(electorate.area[v('zhang')]).toBe(15000)
    expect(electorate.area[v('__developer_unsold__')]).toBe(24000)
  })

  // Rows, one per unit: 张 agrees from both units (one ballot), the developer agrees from one unit,
  // 李 opposes, 王 does not vote. Motion 0 is matter 5 (ordinary), motion 1 is matter 7 (special).
  const rows: Array<[motion: number, voter: string, choice: 'agree' | 'oppose' | 'abstain']> = [
    [0, 'zhang', 'agree'],
    [0, 'zhang', 'agree'],
    [0, '__developer_unsold__', 'agree'],
    [0, 'li', 'oppose'],
    [1, 'zhang', 'agree'],
    [1, '__developer_unsold__', 'agree'],
    [1, '__developer_unsold__', 'agree'],
    [1, 'li', 'oppose'],
  ]
  const columns = (list: typeof rows): BallotColumns => ({
    motion: Int32Array.from(list.map((r) => r[0])),
    voter: Int32Array.from(list.map((r) => v(r[1]))),
    choice: Uint8Array.from(list.map((r) => CHOICE_CODE[r[2]])),
  })

  test('repeated rows of one owner count once; areas add up, heads do not', () => {
    const [ordinary, special] = tallyBallots(electorate, [5, 7], columns(rows))
    // P = 张 150.00 + developer 240.00 + 李 80.00 = 470.00 m², 3 heads. 3 × 470 = 1410 ≥ 2 × 560 = 1120; 9 ≥ 8.
    // Y = 150.00 + 240.00 = 390.00 m², 2 heads.
    expect(ordinary.published).toEqual({
      matter: 5,
      threshold: 'ordinary',
      total: T,
      participating: c(47000, 3),
      agree: c(39000, 2),
      oppose: c(8000, 1),
      abstain: NONE,
      quorumMet: true,
      // 2 × 390 = 780 > 470; 2 × 2 = 4 > 3.
      passed: true,
    })
    // Same ballots on a special matter: 4 × 390 = 1560 ≥ 3 × 470 = 1410 on area, but 4 × 2 = 8 < 3 × 3 = 9 heads.
    expect(special.published).toMatchObject({ participating: c(47000, 3), agree: c(39000, 2), quorumMet: true, passed: false })
  })

  test('the developer is one head: counted per unit it would wrongly pass the special motion', () => {
    // Had the two unsold units been two heads: Y = 3 of 4, 4 × 3 = 12 ≥ 9. Proof that grouping decides the result.
    const [, special] = tallyBallots(electorate, [5, 7], columns(rows))
    expect(special.published.agree.heads).toBe(2)
    expect(special.published.participating.heads).toBe(3)
  })

  test('rows of one owner that disagree are refused, naming the later row', () => {
    const bad = [...rows.slice(0, 4), [0, 'zhang', 'oppose'] as (typeof rows)[number]]
    let err: unknown
    try {
      tallyBallots(electorate, [5, 7], columns(bad))
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('VOTE.CONFLICTING_CHOICES')
    expect((err as AppError).details).toMatchObject({ row: 4, motion: 0, voterKey: 'zhang', choice: 'oppose', earlierChoice: 'agree' })
  })

  test('rows outside the electorate or the motion list, or with no choice, are refused', () => {
    const one = (motion: number, voter: number, choice: number): BallotColumns => ({
      motion: Int32Array.of(motion),
      voter: Int32Array.of(voter),
      choice: Uint8Array.of(choice),
    })
    expect(codeOf(() => tallyBallots(electorate, [5], one(1, 0, 1)))).toBe('VOTE.BAD_TALLY_INPUT')
    expect(codeOf(() => tallyBallots(electorate, [5], one(-1, 0, 1)))).toBe('VOTE.BAD_TALLY_INPUT')
    expect(codeOf(() => tallyBallots(electorate, [5], one(0, 4, 1)))).toBe('VOTE.BAD_TALLY_INPUT')
    expect(codeOf(() => tallyBallots(electorate, [5], one(0, 0, 0)))).toBe('VOTE.BAD_TALLY_INPUT')
    expect(codeOf(() => tallyBallots(electorate, [5], one(0, 0, 4)))).toBe('VOTE.BAD_TALLY_INPUT')
    expect(codeOf(() => tallyBallots(electorate, [10], one(0, 0, 1)))).toBe('VOTE.BAD_MATTER')
  })

  describe('[project choice] §9: non-voters deemed to agree (off by default)', () => {
    test('off by default: only the ballots as cast, and the result says so', () => {
      const [, special] = tallyBallots(electorate, [5, 7], columns(rows))
      expect(special.publishedRule).toBe('not-counted')
      expect(special.nonVotersDeemedAgree).toBeNull()
      expect(special.published).toBe(special.asCast)
    })
    test('on: both tallies side by side, the deemed one published', () => {
      const [, special] = tallyBallots(electorate, [5, 7], columns(rows), { nonVoters: 'deemed-agree' })
      // As cast: unchanged from above, not passed.
      expect(special.asCast).toMatchObject({ participating: c(47000, 3), agree: c(39000, 2), passed: false })
      // 王 (90.00 m², 1 head) did not vote and is deemed to agree: P = T = 560.00 / 4, Y = 480.00 / 3.
      // 4 × 480 = 1920 ≥ 3 × 560 = 1680; 4 × 3 = 12 ≥ 3 × 4 = 12 (exactly 3/4): passed.
      expect(special.nonVotersDeemedAgree).toEqual({
        matter: 7,
        threshold: 'special',
        total: T,
        participating: T,
        agree: c(48000, 3),
        oppose: c(8000, 1),
        abstain: NONE,
        quorumMet: true,
        passed: true,
      })
      expect(special.publishedRule).toBe('deemed-agree')
      expect(special.published).toBe(special.nonVotersDeemedAgree)
    })
  })
})

describe('the non-voter option on a motion without a quorum', () => {
  // 9 owners, 900.00 m². 5 owners (500.00 m²) took part and agreed: 3 × 5 = 15 < 18, no quorum.
  const ballots: Ballot[] = ['a', 'b', 'c', 'd', 'e'].map((k) => ({ voterKey: k, choice: 'agree', area: 10000 }))
  test('as cast it fails; deemed-agree turns the 4 absent owners into agree votes and it passes', () => {
    const r = tallyMotion({ matter: 4, total: c(90000, 9), ballots }, { nonVoters: 'deemed-agree' })
    expect(r.asCast).toMatchObject({ participating: c(50000, 5), agree: c(50000, 5), quorumMet: false, passed: false })
    expect(r.nonVotersDeemedAgree).toMatchObject({ participating: c(90000, 9), agree: c(90000, 9), quorumMet: true, passed: true })
    expect(r.publishedRule).toBe('deemed-agree')
    expect(r.published.passed).toBe(true)
  })
  test('default publishes the ballots as cast', () => {
    const r = tallyMotion({ matter: 4, total: c(90000, 9), ballots })
    expect(r).toMatchObject({ publishedRule: 'not-counted', nonVotersDeemedAgree: null, published: { passed: false } })
  })
})

describe('refusals', () => {
  test('one owner, one ballot', () => {
    const ballots: Ballot[] = [
      { voterKey: 'a', choice: 'agree', area: 10000 },
      { voterKey: 'a', choice: 'agree', area: 10000 },
    ]
    expect(codeOf(() => tallyMotion({ matter: 1, total: c(30000, 3), ballots }))).toBe('VOTE.DUPLICATE_BALLOT')
  })
  test('more taking part than on the roll', () => {
    expect(codeOf(() => decide(1, c(10000, 2), c(10001, 1), NONE, NONE))).toBe('VOTE.BAD_TALLY_INPUT')
    expect(codeOf(() => decide(1, c(10000, 2), c(5000, 3), NONE, NONE))).toBe('VOTE.BAD_TALLY_INPUT')
  })
  test('fractions of a hundredth and negative numbers', () => {
    expect(codeOf(() => decide(1, c(10000.5, 2), NONE, NONE, NONE))).toBe('VOTE.BAD_TALLY_INPUT')
    expect(codeOf(() => tallyMotion({ matter: 1, total: c(10000, 2), ballots: [{ voterKey: 'a', choice: 'agree', area: -1 }] }))).toBe('VOTE.BAD_TALLY_INPUT')
  })
  test('an empty roll cannot pass anything (0 ≥ 0 would otherwise pass a special motion)', () => {
    expect(codeOf(() => decide(6, NONE, NONE, NONE, NONE))).toBe('VOTE.EMPTY_ROLL')
    expect(codeOf(() => electorateFromRoll([]))).toBe('VOTE.EMPTY_ROLL')
  })
  test('a matter outside 1–9', () => {
    expect(codeOf(() => tallyMotion({ matter: 0, total: c(10000, 1), ballots: [] }))).toBe('VOTE.BAD_MATTER')
  })
  test('an unknown non-voter rule', () => {
    expect(codeOf(() => tallyMotion({ matter: 1, total: c(10000, 1), ballots: [] }, { nonVoters: 'majority' as never }))).toBe('VOTE.BAD_TALLY_INPUT')
  })
})
