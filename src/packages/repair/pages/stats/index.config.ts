export default definePageConfig({ navigationBarTitleText: '每月服务数据' })
