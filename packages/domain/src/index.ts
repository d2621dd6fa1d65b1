export {
  addDays,
  instantToZonedParts,
  isCalendarDate,
  isIanaTimeZone,
  isRepeatedWallTime,
  weekdayOf,
  zonedWallTimeToInstant,
  zonedWallTimeToInstantOrAfterGap,
  type ZonedParts,
} from './time-zones.ts';
export {
  MAX_BUFFER_MINUTES,
  openSlots,
  publishedWindows,
  wallTimeMinutes,
  windowsOn,
  type Availability,
  type AvailabilityWindow,
  type DatedException,
  type Slot,
  type TimeOff,
  type WallTime,
  type WeeklyWindow,
  type Weekday,
} from './availability.ts';
export { validateAvailability } from './availability-validation.ts';
export {
  escapeIcsText,
  foldIcsLine,
  icsDateTime,
  writeIcs,
  type IcsCalendar,
  type IcsEvent,
  type IcsMethod,
  type IcsStatus,
} from './ics.ts';
export { weeklySeries } from './series.ts';
export { isValidNpi } from './npi.ts';
export {
  ANSWER_LABELS,
  GAD7_ITEMS,
  PHQ9_DIFFICULTY_LABELS,
  PHQ9_DIFFICULTY_QUESTION,
  PHQ9_ITEMS,
  SCREENER_STEM,
  type AnswerScore,
  type Instrument,
} from './screeners/instruments.ts';
export {
  bandRank,
  gad7Band,
  phq9Band,
  scoreGad7,
  scorePhq9,
  type Gad7Band,
  type Gad7Result,
  type Phq9Band,
  type Phq9Result,
  type ScreenerBand,
} from './screeners/scoring.ts';
export {
  RELIABLE_CHANGE,
  REMISSION_BELOW,
  RESCREEN_DEFAULT_DAYS,
  RESCREEN_MAX_DAYS,
  RESCREEN_MIN_DAYS,
  isRescreenDue,
  markSeries,
  marksOf,
  rescreenDueAt,
  type MarkedEntry,
  type ScoreMarks,
} from './screeners/measurement.ts';
export {
  FIT_CONVERSATION_AFTER_WEEKS,
  FIT_CONVERSATION_AFTER_DAYS,
  MEANINGFUL_DROP,
  hasImproved,
  suggestsFitConversation,
  type ScreenerHistoryEntry,
} from './screeners/progress.ts';
export type {
  Assignment,
  BatchResult,
  FitScore,
  HardRule,
  Match,
  MatchClient,
  MatchProvider,
  Reason,
  TimeOfDay,
} from './matching/types.ts';
export { hardRuleFailures, isEligible } from './matching/hard-rules.ts';
export { FIT_WEIGHTS, MAX_FIT, fitScore } from './matching/fit.ts';
export { explainInEnglish } from './matching/explain.ts';
export { bestMatch } from './matching/best-match.ts';
export { outcomeEvidence, similarClientsRate, withOutcomePriors, type PastOutcome } from './matching/outcomes.ts';
export { estimateWait } from './matching/wait-estimate.ts';
export { offeredTimesOfDay } from './matching/offered-times.ts';
export {
  DEFAULT_CANDIDATE_LIMIT,
  assignBatch,
  greedyAssign,
  solveBatch,
  type BatchOptions,
  type BatchSolution,
} from './matching/assign-batch.ts';
export { fitUpperBound } from './matching/optimality.ts';
export { anchorDayOf, nextPeriod, periodContaining, type Period } from './coverage/periods.ts';
export { REPLY_BY_SEARCH_DAYS, replyBy, workingDayMinutes, type BusinessHours } from './reply-by.ts';
export { percentile } from './stats.ts';
export { CPT_MINIMUM_MINUTES, cptForMinutes, psychotherapyCptCodes, type PsychotherapyCpt } from './cpt.ts';
export {
  FREE_CHANGE_HOURS,
  JOIN_OPENS_MINUTES,
  NO_SHOW_AFTER_MINUTES,
  OVERRUN_MINUTES,
  attendanceOutcome,
  isFreeChange,
  isJoinable,
  isNoShow,
  isOpenStatus,
  joinWindow,
  noShowAt,
  type AttendanceNotice,
  type AttendanceOutcome,
} from './live-sessions.ts';
export { sessionTime, zoneOrUtc } from './session-time.ts';
