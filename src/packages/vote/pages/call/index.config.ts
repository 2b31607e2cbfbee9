export default definePageConfig({ navigationBarTitleText: '发起业主大会' })
