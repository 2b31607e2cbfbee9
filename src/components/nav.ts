// Navigation between pages, one place for the page paths.
import Taro from '@tarojs/taro'

export const PAGES = {
  voteRules: '/packages/vote/pages/rules/index',
  accountsRules: '/packages/accounts/pages/rules/index',
  captainGuide: '/packages/captain/pages/guide/index',
  captainDays: '/packages/captain/pages/days/index',
  captainSchedule: '/packages/captain/pages/schedule/index',
  captainRaise: '/packages/captain/pages/raise/index',
  captainItems: '/packages/captain/pages/items/index',
  captainItem: '/packages/captain/pages/item/index',
  captainMonth: '/packages/captain/pages/month/index',
  captainClaims: '/packages/captain/pages/claims/index',
  repairGuide: '/packages/repair/pages/guide/index',
  audit: '/packages/admin/pages/audit/index',
  roles: '/packages/admin/pages/roles/index',
} as const

export const go = (url: string) => () => void Taro.navigateTo({ url })
