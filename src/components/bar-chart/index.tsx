// Bar charts built from plain Views and CSS widths: they render the same in
// the WeChat build, on H5 and in jsdom (no canvas), and each bar carries its
// figure as text, so the chart reads aloud and prints.
import { View, Text } from '@tarojs/components'
import './index.scss'

export type BarTone = 'in' | 'out' | 'fund' | 'warn' | 'muted'

export interface Bar { value: number; text: string; tone: BarTone; name?: string }
export interface BarRow { label: string; bars: Bar[] }

export interface BarChartProps {
  title: string
  rows: BarRow[]
  /** Legend entries, in the order of each row's bars. */
  legend?: Array<{ name: string; tone: BarTone }>
  /** The value a full-width bar stands for; the largest value when not given. */
  max?: number
  testId?: string
}

/** Width in tenths of a percent (integer), at least a sliver for any non-zero value. */
export const barWidth = (value: number, max: number): number => (max <= 0 || value <= 0 ? 0 : Math.max(8, Math.floor((value * 1000) / max)))

export function BarChart({ title, rows, legend, max, testId }: BarChartProps) {
  const top = max ?? Math.max(0, ...rows.flatMap((r) => r.bars.map((b) => b.value)))
  return (
    <View className='gj-chart' data-testid={testId}>
      <View className='gj-chart__title'>{title}</View>
      {legend && (
        <View className='gj-chart__legend'>
          {legend.map((l) => <View key={l.name} className='gj-chart__key'><View className={`gj-chart__swatch gj-chart__bar--${l.tone}`} /><Text>{l.name}</Text></View>)}
        </View>
      )}
      {rows.map((row) => (
        <View key={row.label} className='gj-chart__row'>
          <Text className='gj-chart__label'>{row.label}</Text>
          <View className='gj-chart__bars'>
            {row.bars.map((b, i) => (
              <View key={i} className='gj-chart__line' aria-label={`${row.label}${b.name ?? ''} ${b.text}`}>
                <View className='gj-chart__track'>
                  <View className={`gj-chart__bar gj-chart__bar--${b.tone}`} style={{ width: `${barWidth(b.value, top) / 10}%` }} />
                </View>
                <Text className='gj-chart__value'>{b.text}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
