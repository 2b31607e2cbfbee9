// Tab pages stay in the main package and are light; each area's other pages
// live in its own subpackage (分包) so the main package stays small.
export default defineAppConfig({
  pages: ['pages/vote/index', 'pages/accounts/index', 'pages/captain/index', 'pages/repair/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/vote', pages: ['pages/rules/index', 'pages/assembly/index', 'pages/ballot/index', 'pages/results/index', 'pages/call/index', 'pages/paper/index', 'pages/proxy/index'] },
    { root: 'packages/accounts', pages: ['pages/rules/index', 'pages/report/index', 'pages/draft/index', 'pages/print/index', 'pages/watch/index'] },
    { root: 'packages/captain', pages: ['pages/guide/index', 'pages/days/index', 'pages/schedule/index', 'pages/raise/index', 'pages/items/index', 'pages/item/index', 'pages/month/index', 'pages/claims/index'] },
    { root: 'packages/repair', pages: ['pages/guide/index', 'pages/report/index', 'pages/detail/index', 'pages/queue/index', 'pages/stats/index', 'pages/settings/index'] },
    { root: 'packages/admin', pages: ['pages/audit/index', 'pages/roles/index'] },
    { root: 'packages/roll', pages: ['pages/bind/index', 'pages/versions/index', 'pages/import/index', 'pages/verifications/index', 'pages/residents/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#0b6e4f',
    navigationBarTitleText: '共建家园',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#646a73',
    selectedColor: '#0b6e4f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/vote/index', text: '投票', iconPath: 'assets/tab/vote.png', selectedIconPath: 'assets/tab/vote-on.png' },
      { pagePath: 'pages/accounts/index', text: '公开', iconPath: 'assets/tab/accounts.png', selectedIconPath: 'assets/tab/accounts-on.png' },
      { pagePath: 'pages/captain/index', text: '楼长', iconPath: 'assets/tab/captain.png', selectedIconPath: 'assets/tab/captain-on.png' },
      { pagePath: 'pages/repair/index', text: '报修', iconPath: 'assets/tab/repair.png', selectedIconPath: 'assets/tab/repair-on.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-on.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
