import type { Browser } from 'playwright-core'

export const CHROMIUM: string
export const CHROMIUM_ARGS: string[]
export const PHONE: { viewport: { width: number; height: number }; deviceScaleFactor: number; isMobile: boolean; hasTouch: boolean; locale: string; timezoneId: string }
export function launchChromium(): Promise<Browser>
