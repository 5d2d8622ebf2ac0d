import type { TicketAggregates } from "./aggregates.ts";
import type { BundleSupport } from "./bundle.ts";
import { holds, measure, measureString } from "./compare.ts";
import type { Breach, Part } from "./outcome.ts";
import type { Period } from "./windows.ts";

/** Attainment: the share of the window's tickets of this severity (by time opened) that met both targets. */
export function supportPart(support: BundleSupport, agg: TicketAggregates, period: Period): Part {
  const counted = agg.tickets;
  const metCount = counted.filter((t) => t.met).length;
  const share = support.share;
  const part: Part = {
    met: true,
    measure: null,
    downtimeMs: null,
    breaches: [],
    counted,
    excluded: [],
    notes: [],
    unit: "percent",
    tickets: {
      severity: support.severity,
      total: counted.length,
      met: metCount,
      required: share ? `${share.comparator} ${share.percent}%` : null,
    },
    target: share ? { comparator: share.comparator, value: share.percent, text: `${share.percent}% of tickets` } : null,
  };
  if (counted.length === 0) {
    part.notes.push(
      `No ${support.severity === null ? "" : `severity ${support.severity} `}tickets were opened in this window: the objective counts as met and has no value.`,
    );
    return part;
  }
  const m = measure(metCount * 100, counted.length);
  part.measure = m;
  if (share && !holds(m, share.comparator, share.percent)) {
    part.met = false;
    const breach: Breach = {
      kind: "ticket share",
      at: period.end,
      detail: `${metCount} of ${counted.length} tickets (${measureString(m)}%) met their targets; required ${share.comparator} ${share.percent}%`,
    };
    part.breaches.push(breach);
  }
  return part;
}
