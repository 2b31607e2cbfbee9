// The nine matters of 民法典 第二百七十八条 and the threshold each one carries.
import { isAppError } from '../../src/domain/errors'
import { MATTERS, matterOf, thresholdOf } from '../../src/domain/voting/matters'

test('the nine matters in the order of the article, 6–8 needing three quarters', () => {
  expect(MATTERS.map((m) => [m.number, m.threshold])).toEqual([
    [1, 'ordinary'],
    [2, 'ordinary'],
    [3, 'ordinary'],
    [4, 'ordinary'],
    [5, 'ordinary'],
    [6, 'special'],
    [7, 'special'],
    [8, 'special'],
    [9, 'ordinary'],
  ])
  expect(matterOf(3).text).toBe('选举业主委员会或者更换业主委员会成员')
  expect(matterOf(6).text).toBe('筹集建筑物及其附属设施的维修资金')
  expect(matterOf(8).text).toBe('改变共有部分的用途或者利用共有部分从事经营活动')
})

test('thresholdOf follows the matter number', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(thresholdOf)).toEqual([
    'ordinary', 'ordinary', 'ordinary', 'ordinary', 'ordinary', 'special', 'special', 'special', 'ordinary',
  ])
})

test.each([0, 10, -1, 1.5, Number.NaN, Infinity])('matter %p is refused as VOTE.BAD_MATTER', (n) => {
  let caught: unknown
  try {
    thresholdOf(n)
  } catch (e) {
    caught = e
  }
  expect(isAppError(caught) && caught.code).toBe('VOTE.BAD_MATTER')
  expect((caught as Error).message).toContain('1–9')
})

test('the table cannot be edited at run time', () => {
  expect(Object.isFrozen(MATTERS)).toBe(true)
  expect(Object.isFrozen(MATTERS[5])).toBe(true)
})
