export default definePageConfig({ navigationBarTitleText: '编制季度报告' })
