export default definePageConfig({ navigationBarTitleText: '业主身份核验' })
