// One repair request in a list: number, what and where, status, and what is
// due from the property staff (red once a promise is missed).
import { View, Text } from '@tarojs/components'
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { CATEGORY_LABELS, URGENCY_LABELS } from '../../domain/repairs/commitments'
import { STATUS_LABELS } from '../../domain/repairs/request'
import type { RepairSummary } from '../../contracts/repairs'
import { Tag } from '../ui'
import './index.scss'

dayjs.extend(utc)
dayjs.extend(timezone)

/** Shanghai wall-clock time for a UTC instant. */
export const shanghaiTime = (ms: number, format = 'MM-DD HH:mm') => dayjs(ms).tz('Asia/Shanghai').format(format)

export function dueText(due: RepairSummary['due']): string | null {
  if (!due) return null
  const what = due.phase === 'response' ? '接单' : '修好'
  return due.overdue ? `已超过承诺时间（应在 ${shanghaiTime(due.dueAt)} 前${what}）` : `物业承诺 ${shanghaiTime(due.dueAt)} 前${what}`
}

export function RepairStatusTag({ status }: { status: RepairSummary['status'] }) {
  const type = status === 'confirmed' ? 'success' : status === 'completed' ? 'warning' : status === 'reopened' ? 'danger' : 'primary'
  return <Tag type={type}>{STATUS_LABELS[status]}</Tag>
}

export function RepairCard({ repair, showReporter, onOpen }: { repair: RepairSummary; showReporter?: boolean; onOpen: () => void }) {
  const due = dueText(repair.due)
  return (
    <View className='gj-card repair-card' data-testid='repair-card' onClick={onOpen}>
      <View className='repair-card__head'>
        <Text className='repair-card__title'>#{repair.no} {CATEGORY_LABELS[repair.category]}</Text>
        <View className='gj-tags'>
          {repair.urgency === 'urgent' && <Tag type='danger'>{URGENCY_LABELS.urgent}</Tag>}
          <RepairStatusTag status={repair.status} />
        </View>
      </View>
      <Text className='repair-card__desc'>{repair.description}</Text>
      <Text className='gj-muted repair-card__meta'>{repair.where} · {shanghaiTime(repair.reportedAt)}{showReporter ? ` · ${repair.reporterName}` : ''}</Text>
      {due && <Text className={`repair-card__due${repair.due?.overdue ? ' repair-card__due--late' : ''}`}>{due}</Text>}
      {repair.rating !== null && <Text className='repair-card__stars'>{'★'.repeat(repair.rating)}{'☆'.repeat(5 - repair.rating)}</Text>}
    </View>
  )
}
