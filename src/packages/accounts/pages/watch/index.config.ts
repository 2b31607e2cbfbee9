export default definePageConfig({ navigationBarTitleText: '监督提醒' })
