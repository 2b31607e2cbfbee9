// How each audited action reads to a person. Each capability adds its own.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'roll.import': '导入业主名册',
  'role.grant': '任命角色',
  'role.revoke': '撤销角色',
  'disclosure.fee-model': '设定收费方式',
  'report.publish': '发布季度公开报告',
  'report.answer': '答复业主对报告的提问',
}

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action
