export default definePageConfig({ navigationBarTitleText: '公示栏打印' })
