// What the committee types on the repair settings page: time limits as people
// write them, and the list of common areas.
import { MAX_COMMON_AREAS, checkCommonAreas } from '../../src/domain/repairs/areas'
import { formatMinutes, parseDuration } from '../../src/domain/repairs/commitments'
import { refusal } from '../support/refusal'

describe('time limits as typed', () => {
  test.each([
    ['30分钟', 30], ['30 分钟', 30], ['30分', 30], ['４小时', 240], ['4个小时', 240], ['4 h', 240], ['1.5小时', 90], ['1个半小时', 90], ['4小时半', 270], ['2个钟头半', 150], ['半小时', 30],
    ['2天', 2880], ['1天4小时', 1680], ['1 小时 30 分钟', 90], ['0.25小时', 15], ['3d', 4320], ['45min', 45],
  ])('%s is %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes)
  })

  test.each(['', '30', '四小时', '0分钟', '0.1分钟', '0.01小时', '4小时半30分钟', '小时', '30秒', '-2小时', '2小时abc'])('%s is refused (no unit, not whole minutes, or not a time)', (text) => {
    expect(parseDuration(text)).toBeNull()
  })

  test('whatever the page shows as the current limit reads back as the same minutes', () => {
    for (const minutes of [1, 15, 30, 59, 60, 90, 120, 240, 1440, 1530, 2880, 4320, 7200]) expect(parseDuration(formatMinutes(minutes))).toBe(minutes)
  })
})

describe('common areas', () => {
  test('stored as typed in the committee\'s order, spaces at the ends dropped and full-width letters folded', () => {
    expect(checkCommonAreas(['  南大门 ', '地下车库', 'Ｂ２ 车库'])).toEqual(['南大门', '地下车库', 'B2 车库'])
  })

  test('every problem is named at once: empty, over 30 characters, repeated (after tidying)', () => {
    const e = refusal(() => checkCommonAreas(['南大门', ' ', '中'.repeat(31), '中'.repeat(30), '南大门 ']))
    expect(e.code).toBe('REPAIR.AREAS_INVALID')
    expect(e.details).toEqual({ problems: ['第 2 个公共区域没有填写名称', `「${'中'.repeat(31)}」超过 30 个字`, '「南大门」重复了'] })
  })

  test('at most 100 areas; none at all is allowed (then only one\'s own unit can be reported)', () => {
    const many = Array.from({ length: MAX_COMMON_AREAS + 1 }, (_, i) => `${i + 1}号区域`)
    expect(checkCommonAreas(many.slice(0, MAX_COMMON_AREAS))).toHaveLength(100)
    expect(refusal(() => checkCommonAreas(many)).message).toBe('公共区域最多 100 个，现在有 101 个')
    expect(checkCommonAreas([])).toEqual([])
  })
})
