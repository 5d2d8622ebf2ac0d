/** A calendar declaration as the budget computation reads it: working hours per weekday, holidays, zone. */
import { type CalendarDeclaration, propertiesOf, propertyOf, WEEKDAYS, type Weekday } from "../syntax/ast.ts";
import type { CalendarHours } from "./schedule.ts";

function daysBetween(from: Weekday, to: Weekday): Weekday[] {
  const days: Weekday[] = [];
  for (let i = WEEKDAYS.indexOf(from); ; i = (i + 1) % 7) {
    days.push(WEEKDAYS[i]);
    if (WEEKDAYS[i] === to) return days;
  }
}

/** The calendar's hours in its own zone, else `zone` (the agreement's). Incomplete lines are left out. */
export function calendarHoursOf(calendar: CalendarDeclaration, zone: string): CalendarHours {
  const hours: CalendarHours["hours"][number][] = [];
  for (const p of propertiesOf(calendar, "working hours")) {
    if (!p.from || !p.to || p.days.length === 0) continue;
    hours.push({ days: p.days.flatMap((span) => daysBetween(span.from, span.to)), from: p.from.text, to: p.to.text });
  }
  const holidays = propertiesOf(calendar, "holidays").flatMap((p) => p.dates.map((d) => d.text));
  return { timezone: propertyOf(calendar, "timezone")?.value?.value || zone, hours, holidays };
}
