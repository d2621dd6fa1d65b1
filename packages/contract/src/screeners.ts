// Measurement-based care (PRODUCT §2.3): the PHQ-9 and GAD-7 re-asked every few weeks, their
// history with response, remission and reliable-change marks, and when a re-screen is due.
import { z } from 'zod';
import { Gad7Answers, Phq9Answers, Severity } from './care.ts';

export const RESCREEN_INTERVAL_MIN_DAYS = 14;
export const RESCREEN_INTERVAL_MAX_DAYS = 90;

export const ScoreMarks = z.object({
  response: z.boolean(),
  remission: z.boolean(),
  reliableImprovement: z.boolean(),
  reliableDeterioration: z.boolean(),
});
export type ScoreMarks = z.infer<typeof ScoreMarks>;

export const ScreenerPoint = z.object({
  takenAt: z.string(),
  total: z.number().int(),
  band: Severity,
  marks: ScoreMarks,
});
export type ScreenerPoint = z.infer<typeof ScreenerPoint>;

export const ScreenerHistory = z.object({
  /** Oldest first; the marks compare each score with the first one with the current provider. */
  phq9: z.array(ScreenerPoint),
  gad7: z.array(ScreenerPoint),
  intervalDays: z.number().int(),
  /** When the next re-screen is due (null before the first result), and whether it is now. */
  dueAt: z.string().nullable(),
  due: z.boolean(),
  /** No improvement for the configured weeks: a conversation about fit is worth offering. */
  suggestFitConversation: z.boolean(),
  /** The latest answer to PHQ-9 item 9 was above 0: crisis resources are shown. */
  showCrisisResources: z.boolean(),
});
export type ScreenerHistory = z.infer<typeof ScreenerHistory>;

export const RescreenRequest = z.strictObject({ phq9: Phq9Answers, gad7: Gad7Answers });
export type RescreenRequest = z.infer<typeof RescreenRequest>;

export const RescreenIntervalRequest = z.strictObject({
  days: z
    .number()
    .int({ error: `Choose a whole number of days from ${RESCREEN_INTERVAL_MIN_DAYS} to ${RESCREEN_INTERVAL_MAX_DAYS}.` })
    .min(RESCREEN_INTERVAL_MIN_DAYS, { error: `Choose at least ${RESCREEN_INTERVAL_MIN_DAYS} days.` })
    .max(RESCREEN_INTERVAL_MAX_DAYS, { error: `Choose at most ${RESCREEN_INTERVAL_MAX_DAYS} days.` }),
});
export type RescreenIntervalRequest = z.infer<typeof RescreenIntervalRequest>;

export const ScreenerClientParams = z.strictObject({ clientId: z.uuid({ error: 'That id is not valid.' }) });
