// Times in Asia/Shanghai for the roll pages.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export const formatTime = (ms: number): string => dayjs(ms).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm')
export const formatDay = (ms: number): string => dayjs(ms).tz('Asia/Shanghai').format('YYYY-MM-DD')
