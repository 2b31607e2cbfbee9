// Navigation between pages, one place for the page paths.
import Taro from '@tarojs/taro'

export const PAGES = {
  voteRules: '/packages/vote/pages/rules/index',
  accountsRules: '/packages/accounts/pages/rules/index',
  accountsReport: '/packages/accounts/pages/report/index',
  accountsDraft: '/packages/accounts/pages/draft/index',
  accountsPrint: '/packages/accounts/pages/print/index',
  accountsWatch: '/packages/accounts/pages/watch/index',
  captainGuide: '/packages/captain/pages/guide/index',
  repairGuide: '/packages/repair/pages/guide/index',
  audit: '/packages/admin/pages/audit/index',
  roles: '/packages/admin/pages/roles/index',
} as const

export const go = (url: string) => () => void Taro.navigateTo({ url })
