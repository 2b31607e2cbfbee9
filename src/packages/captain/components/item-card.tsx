// One rectification item in a list: category, status, where, deadline.
import { View, Text } from '@tarojs/components'
import type { ItemView } from '../../../contracts/captains'
import { CATEGORY_LABELS } from '../../../domain/captains/categories'
import { ASSIGNEE_LABELS, ESCALATION_LABELS, STATUS_LABELS } from '../../../domain/captains/rectification'
import { formatShanghai } from '../../../domain/captains/time'
import { Tag } from '../../../components/ui'
import './captain.scss'

const TAG_TYPE = { raised: 'warning', assigned: 'primary', in_progress: 'primary', completed: 'success', confirmed: 'default', reopened: 'danger' } as const

export function StatusTag({ status }: { status: ItemView['status'] }) {
  return <Tag type={TAG_TYPE[status]}>{STATUS_LABELS[status]}</Tag>
}

export function ItemCard({ item, onOpen }: { item: ItemView; onOpen: () => void }) {
  return (
    <View className='cap-item' onClick={onOpen} data-testid='item-card'>
      <View className='cap-item__head'>
        <Text>{CATEGORY_LABELS[item.category]} · {item.building} {item.unitNo}</Text>
        <StatusTag status={item.status} />
      </View>
      <Text className='cap-item__desc'>{item.description}</Text>
      <Text className='gj-muted'>
        {formatShanghai(item.raisedAt)} 登记
        {item.assignee ? ` · ${ASSIGNEE_LABELS[item.assignee]}整改` : ''}
        {item.deadline ? ` · 期限 ${formatShanghai(item.deadline, false)}` : ''}
      </Text>
      {item.escalation > 0 && <Text className='gj-muted cap-warn'>{' '}{ESCALATION_LABELS[item.escalation]}</Text>}
    </View>
  )
}
