// Dates as people in the community read them: Asia/Shanghai, whatever the device says.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export const dateText = (ms: number): string => dayjs(ms).tz('Asia/Shanghai').format('YYYY年M月D日')
