// Navigation between pages, one place for the page paths.
import Taro from '@tarojs/taro'

export const PAGES = {
  voteRules: '/packages/vote/pages/rules/index',
  assembly: '/packages/vote/pages/assembly/index',
  ballot: '/packages/vote/pages/ballot/index',
  results: '/packages/vote/pages/results/index',
  callAssembly: '/packages/vote/pages/call/index',
  paperBallot: '/packages/vote/pages/paper/index',
  accountsRules: '/packages/accounts/pages/rules/index',
  captainGuide: '/packages/captain/pages/guide/index',
  repairGuide: '/packages/repair/pages/guide/index',
  audit: '/packages/admin/pages/audit/index',
  roles: '/packages/admin/pages/roles/index',
} as const

export const go = (url: string) => () => void Taro.navigateTo({ url })

/** A page with a query: `to(PAGES.assembly, { id })`. */
export const to = (url: string, query: Record<string, string>) => go(`${url}?${Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`)

/** The query of the page being shown (Taro's router on both platforms). */
export function pageParam(name: string): string | undefined {
  const v = Taro.getCurrentInstance()?.router?.params?.[name]
  return typeof v === 'string' && v ? decodeURIComponent(v) : undefined
}
