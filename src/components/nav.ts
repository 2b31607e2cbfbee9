// Navigation between pages, one place for the page paths.
import Taro from '@tarojs/taro'

export const PAGES = {
  voteRules: '/packages/vote/pages/rules/index',
  accountsRules: '/packages/accounts/pages/rules/index',
  captainGuide: '/packages/captain/pages/guide/index',
  repairGuide: '/packages/repair/pages/guide/index',
  audit: '/packages/admin/pages/audit/index',
  roles: '/packages/admin/pages/roles/index',
  bindUnit: '/packages/roll/pages/bind/index',
  rollVersions: '/packages/roll/pages/versions/index',
  rollImport: '/packages/roll/pages/import/index',
  verifications: '/packages/roll/pages/verifications/index',
  residents: '/packages/roll/pages/residents/index',
} as const

export const go = (url: string) => () => void Taro.navigateTo({ url })
