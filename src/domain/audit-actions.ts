// How each audited action reads to a person. Each capability adds its own.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'roll.import': '导入业主名册',
  'role.grant': '任命角色',
  'role.revoke': '撤销角色',
  'assembly.call': '发布业主大会公告',
  'assembly.open': '开始投票（确定名册版本）',
  'ballot.cast': '投票',
  'proxy.grant': '委托代理人',
  'proxy.revoke': '撤销委托',
  'result.preliminary': '计票并公示初步结果',
  'objection.file': '提出异议',
  'objection.resolve': '处理异议',
  'result.certify': '确认表决结果',
}

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action
