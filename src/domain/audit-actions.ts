// How each audited action reads to a person. Each capability adds its own.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'roll.import': '导入业主名册',
  'role.grant': '任命角色',
  'role.revoke': '撤销角色',
  'reception.schedule': '安排楼长接待日',
  'reception.cancel': '取消接待日',
  'reception.move': '调整接待日',
  'reception.book': '预约接待时段',
  'rect.raise': '登记反映事项',
  'rect.assign': '分派整改',
  'rect.progress': '更新整改进展',
  'rect.complete': '完成整改',
  'rect.confirm': '确认整改完成',
  'rect.reopen': '重新打开整改',
  'rect.escalate': '整改逾期上报',
  'claim.publish': '发布认领需求',
  'claim.claim': '领单',
  'claim.dispatch': '派单',
  'claim.done': '认领事项完成',
  'claim.withdraw': '撤回认领需求',
}

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action
