export default definePageConfig({ navigationBarTitleText: '楼长' })
