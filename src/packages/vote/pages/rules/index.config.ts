export default definePageConfig({ navigationBarTitleText: '表决规则' })
