// Scheduling rules shared by the API and the console. Dates are `YYYY-MM-DD` text, wall times
// `HH:mm`, instants ISO 8601 text in UTC: the shapes of the JSON both sides exchange, so nothing
// needs converting at the boundary. Epoch milliseconds are used inside, where they are faster.
export type { Interval, IsoInstant } from './lib/instant';
export { addDays, eachLocalDate, weekdayOf } from './lib/local-date';
export type { IsoWeekday, LocalDate, WallTime } from './lib/local-date';
export {
  DEFAULT_TIME_ZONE,
  isValidTimeZone,
  localDateOf,
  localDayRange,
  startOfLocalDay,
  zonedInstant,
} from './lib/time-zone';
export { availableSlots } from './lib/available-slots';
export type { AvailableSlotsInput, SpecialHours, WallTimeRange, WeeklyRange } from './lib/available-slots';
