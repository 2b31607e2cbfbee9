// What a CloudBase timer trigger sends (Type, TriggerName, Time; anything else
// is dropped): the function reads none of it, the time it acts on is the server's.
import { z } from 'zod'

export const scheduledJobsInput = z.object({
  Type: z.literal('Timer').optional(),
  TriggerName: z.string().max(60).optional(),
  Time: z.string().max(40).optional(),
})

/** What one pass did: the jobs that ran, and those that failed (each logged; the others still ran). */
export interface JobsPass { done: string[]; failed: string[] }
