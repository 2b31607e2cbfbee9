// Navigation between pages, one place for the page paths.
import Taro from '@tarojs/taro'

export const PAGES = {
  voteRules: '/packages/vote/pages/rules/index',
  assembly: '/packages/vote/pages/assembly/index',
  ballot: '/packages/vote/pages/ballot/index',
  results: '/packages/vote/pages/results/index',
  callAssembly: '/packages/vote/pages/call/index',
  paperBallot: '/packages/vote/pages/paper/index',
  proxy: '/packages/vote/pages/proxy/index',
  accountsRules: '/packages/accounts/pages/rules/index',
  accountsReport: '/packages/accounts/pages/report/index',
  accountsDraft: '/packages/accounts/pages/draft/index',
  accountsPrint: '/packages/accounts/pages/print/index',
  accountsWatch: '/packages/accounts/pages/watch/index',
  captainGuide: '/packages/captain/pages/guide/index',
  captainDays: '/packages/captain/pages/days/index',
  captainSchedule: '/packages/captain/pages/schedule/index',
  captainRaise: '/packages/captain/pages/raise/index',
  captainItems: '/packages/captain/pages/items/index',
  captainItem: '/packages/captain/pages/item/index',
  captainMonth: '/packages/captain/pages/month/index',
  captainClaims: '/packages/captain/pages/claims/index',
  repairGuide: '/packages/repair/pages/guide/index',
  repairReport: '/packages/repair/pages/report/index',
  repairDetail: '/packages/repair/pages/detail/index',
  repairQueue: '/packages/repair/pages/queue/index',
  repairStats: '/packages/repair/pages/stats/index',
  repairSettings: '/packages/repair/pages/settings/index',
  audit: '/packages/admin/pages/audit/index',
  roles: '/packages/admin/pages/roles/index',
  bindUnit: '/packages/roll/pages/bind/index',
  rollVersions: '/packages/roll/pages/versions/index',
  rollImport: '/packages/roll/pages/import/index',
  verifications: '/packages/roll/pages/verifications/index',
  residents: '/packages/roll/pages/residents/index',
} as const

export const go = (url: string) => () => void Taro.navigateTo({ url })

/** A page with a query: `to(PAGES.assembly, { id })`. */
export const to = (url: string, query: Record<string, string>) => go(`${url}?${Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`)

/** The query of the page being shown (Taro's router on both platforms). */
export function pageParam(name: string): string | undefined {
  const v = Taro.getCurrentInstance()?.router?.params?.[name]
  return typeof v === 'string' && v ? decodeURIComponent(v) : undefined
}
