/**
 * The budget arithmetic lives in the language package (the checker warns with the same numbers).
 * One place to change the import from.
 */
export {
  decimalText,
  downtimeBudgets,
  durationToSeconds,
  formatDurationLong,
  formatDurationShort,
} from "@sla/language";
