export default definePageConfig({ navigationBarTitleText: '认领清单' })
