/**
 * `@sla/language/helpers`: what a reader of rule bundles (the engine) shares with the checker —
 * budget arithmetic, working schedules, the limits a contract must keep and name suggestions —
 * without the lexer, the parser or Chevrotain (the engine's tests check its bundle for them).
 */
export * from "./budget/index.ts";
export * from "./check/rules/limit-values.ts";
export { closestName, editDistance } from "./check/suggest.ts";
// the week's days in order, Monday first: calendars, schedules and the contract's day lists
export { WEEKDAYS, type Weekday } from "./syntax/ast.ts";
