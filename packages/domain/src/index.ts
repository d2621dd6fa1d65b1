export {
  addDays,
  instantToZonedParts,
  isCalendarDate,
  isIanaTimeZone,
  weekdayOf,
  zonedWallTimeToInstant,
  zonedWallTimeToInstantOrAfterGap,
  type ZonedParts,
} from './time-zones.ts';
export {
  MAX_BUFFER_MINUTES,
  openSlots,
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
export { isValidNpi } from './npi.ts';
