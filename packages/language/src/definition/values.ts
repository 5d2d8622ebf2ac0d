/**
 * The shared sub-grammars that value slots name (`comparator`, `window`, …), as shapes. Each is
 * one CST rule of the same name; their AST nodes are built by hand in syntax/build-ast.ts.
 */
import { WEEKDAYS } from "../syntax/ast.ts";
import { choice, type Element, kw, optional, type ValueKind, value } from "./shape.ts";

export const VALUE_GRAMMARS = {
  // `at or below` and `at or above`, as some published credit tables write them, mean `at most` and `at least`
  comparator: [
    choice(
      [...kw("at"), choice(kw("least"), kw("most"), [...kw("or"), choice(kw("below"), kw("above"))])],
      kw("above"),
      kw("below"),
    ),
  ],
  quantity: [choice([value("percentage")], [value("duration")], [value("number")])],
  window: [
    ...kw("per"),
    choice(
      [...kw("calendar"), choice(kw("month"), kw("quarter"), kw("year"), kw("day"))],
      kw("week"),
      kw("hour"),
      [...kw("billing", "month", "from", "day"), value("number")],
      [...kw("rolling"), value("duration")],
    ),
  ],
  feeBasis: [choice(kw("monthly"), kw("quarterly"), kw("annual")), ...kw("fee")],
  hoursSpec: [choice([value("always")], [value("name")])],
  frequency: [choice(kw("weekly"), kw("monthly"), kw("quarterly"), kw("annually"))],
  daySpan: [value("weekday"), optional(...kw("to"), value("weekday"))],
  weekday: [choice(...WEEKDAYS.map((day) => kw(day)))],
} as const satisfies Partial<Record<ValueKind, readonly Element[]>>;

export type SubgrammarKind = keyof typeof VALUE_GRAMMARS;

export function isSubgrammar(kind: ValueKind): kind is SubgrammarKind {
  return kind in VALUE_GRAMMARS;
}
