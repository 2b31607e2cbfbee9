// The name a person is called by in the app (称呼): what they type, trimmed,
// 1 to 20 characters. The server's schema and the registration form share it.
export const PERSON_NAME_MAX = 20
export const PERSON_NAME_MISSING = '请填写您的称呼'
export const PERSON_NAME_TOO_LONG = `称呼最多 ${PERSON_NAME_MAX} 个字`

/** Why a typed name cannot be used, or null when its trimmed form can. */
export function personNameProblem(typed: string): string | null {
  const name = typed.trim()
  if (name.length === 0) return PERSON_NAME_MISSING
  if (name.length > PERSON_NAME_MAX) return PERSON_NAME_TOO_LONG
  return null
}
