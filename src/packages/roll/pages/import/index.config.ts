export default definePageConfig({ navigationBarTitleText: '导入业主名册' })
