// Chinese messages for schema failures that a contract did not word itself.
import { z } from 'zod'

const TYPE_NAMES: Record<string, string> = {
  string: '文字', number: '数字', integer: '整数', boolean: '是/否', array: '列表', object: '对象', date: '日期', undefined: '空', null: '空',
}
const typeName = (t: string) => TYPE_NAMES[t] ?? t

export const zhErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: '必填' }
      return { message: `应为${typeName(issue.expected)}，收到的是${typeName(issue.received)}` }
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return { message: issue.minimum === 1 ? '不能为空' : `至少 ${issue.minimum} 个字` }
      if (issue.type === 'array') return { message: `至少 ${issue.minimum} 项` }
      return { message: `不能小于 ${issue.minimum}` }
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string') return { message: `最多 ${issue.maximum} 个字` }
      if (issue.type === 'array') return { message: `最多 ${issue.maximum} 项` }
      return { message: `不能大于 ${issue.maximum}` }
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `只能是：${issue.options.join('、')}` }
    case z.ZodIssueCode.invalid_string:
      return { message: '格式不正确' }
    case z.ZodIssueCode.not_multiple_of:
      return { message: `必须是 ${issue.multipleOf} 的整数倍` }
    default:
      return { message: ctx.defaultError === 'Required' ? '必填' : '格式不正确' }
  }
}
