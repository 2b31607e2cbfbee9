export default definePageConfig({ navigationBarTitleText: '楼长接待日' })
