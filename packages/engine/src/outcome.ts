import type { BundleObjective } from "./bundle.ts";
import type { Measure } from "./compare.ts";
import type { BreachReport, ObjectiveReport } from "./report-types.ts";
import type { Period } from "./windows.ts";

export interface Breach {
  kind: BreachReport["kind"];
  at: number;
  detail: string;
}

/** One objective evaluated over one window: exact figures for remedies, plus the report entry. */
export interface ObjectiveOutcome {
  objective: BundleObjective;
  period: Period;
  met: boolean;
  /** The objective's value, exactly; null when the window gave nothing to measure. */
  measure: Measure | null;
  /** Downtime in ms for objectives about outages (what a duration threshold is compared with). */
  downtimeMs: number | null;
  breaches: Breach[];
  report: ObjectiveReport;
}

/** What one kind of rule contributes to an objective's outcome. */
export type Part = Pick<ObjectiveReport, "counted" | "excluded" | "notes"> &
  Partial<
    Pick<
      ObjectiveReport,
      "scheduled" | "downtime" | "budget" | "limits" | "tickets" | "measurements" | "requests" | "target" | "unit"
    >
  > & {
    met: boolean;
    measure: Measure | null;
    downtimeMs: number | null;
    breaches: Breach[];
  };

/**
 * The start of a part measured from records against its target: met and without a value until
 * the records say otherwise, with the records outside the service's hours listed as excluded.
 */
export function measuredPart(
  target: NonNullable<BundleObjective["target"]>,
  unit: Part["unit"],
  outside: { count: number; reason: string },
  figures: Pick<Part, "measurements" | "requests">,
): Part {
  return {
    met: true,
    measure: null,
    downtimeMs: null,
    breaches: [],
    counted: [],
    excluded: outside.count ? [{ kind: "measurements", count: outside.count, reason: outside.reason }] : [],
    notes: [],
    unit,
    ...figures,
    target: { comparator: target.comparator, value: target.value.value, text: target.value.text },
  };
}
