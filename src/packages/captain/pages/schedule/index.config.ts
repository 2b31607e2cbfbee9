export default definePageConfig({ navigationBarTitleText: '安排接待日' })
