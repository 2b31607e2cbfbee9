// What owners raise at a reception day, in the eight categories the model
// communities used on their paper logs.
export const CATEGORIES = ['environment', 'safety', 'facilities', 'parking', 'noise', 'neighbours', 'service', 'other'] as const
export type Category = (typeof CATEGORIES)[number]

export const CATEGORY_LABELS: Record<Category, string> = {
  environment: '环境卫生',
  safety: '安全消防',
  facilities: '设施设备',
  parking: '停车交通',
  noise: '噪音扰民',
  neighbours: '邻里纠纷',
  service: '物业服务',
  other: '其他',
}

export const isCategory = (s: string): s is Category => (CATEGORIES as readonly string[]).includes(s)
