import { DateTime } from "luxon";
import type {
  BundleCalendar,
  BundleHours,
  BundleMetric,
  BundleObjective,
  BundleService,
  RuleBundle,
} from "./bundle.ts";
import type { RecordWork } from "./aggregates.ts";
import type { CollectedData } from "./collect.ts";
import { BundleProblemError } from "./errors.ts";
import { type Calendar, defaultBusinessCalendar, prepareCalendar } from "./schedule.ts";
import { type TermEnd, termEndOf } from "./term.ts";
import { checkUnits } from "./units.ts";
import { checkZone } from "./windows.ts";

/** The bundle, indexed, plus the observed data once it has been read. */
export interface Context {
  bundle: RuleBundle;
  /** The agreement's zone: every window is a calendar period here. */
  zone: string;
  currency: string | null;
  calendars: Map<string, Calendar>;
  services: Map<string, BundleService>;
  metrics: Map<string, BundleMetric>;
  objectives: Map<string, BundleObjective>;
  /** What `business day` counts on when no `during` calendar says otherwise. */
  businessCalendar: Calendar;
  /** The first instant of the effective date, or null. */
  effective: number | null;
  /** The effective date as written, `YYYY-MM-DD`, or null. */
  effectiveDate: string | null;
  /** Where the agreement stops covering windows: the end of a fixed term or a termination; null when open. */
  termEnd: TermEnd | null;
  /** Windows ending after this instant are in progress; null: every window has ended. */
  asOf: number | null;
  data: CollectedData;
  /** Where the per-window figures come from: the records in memory or a SQL engine's results. */
  records: RecordWork;
  /** The start of the month holding the earliest observed record: before it, a window has no data. */
  dataFrom: number | null;
  memo: Map<string, unknown>;
  /** In the evaluation of one unit of a per-unit objective (`units.ts`): that unit, as the records name it. */
  unitName?: string;
  /** In the evaluation of one unit: the context of the whole contract it was made from. */
  unitOf?: Context;
}

function index<T extends { name: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.name, x]));
}

export function buildContext(bundle: RuleBundle): Omit<Context, "data" | "dataFrom" | "asOf" | "records"> {
  if (
    bundle === null ||
    typeof bundle !== "object" ||
    bundle.format !== "sla-rules/1" ||
    !Array.isArray(bundle.objectives)
  ) {
    throw new BundleProblemError("not a rule bundle of format sla-rules/1");
  }
  checkUnits(bundle);
  const zone = checkZone(bundle.agreement?.timezone ?? "UTC");
  const calendars = new Map<string, Calendar>(
    bundle.calendars.map((c: BundleCalendar) => [c.name, prepareCalendar(c)]),
  );
  const named = bundle.agreement?.businessCalendar ?? null;
  const businessCalendar = named === null ? defaultBusinessCalendar(zone) : calendars.get(named);
  if (businessCalendar === undefined) throw new BundleProblemError(`unknown business calendar "${named}"`);
  let effective: number | null = null;
  if (bundle.agreement?.effective) {
    const d = DateTime.fromISO(bundle.agreement.effective, { zone });
    if (!d.isValid) throw new BundleProblemError(`effective date "${bundle.agreement.effective}" is not a date`);
    effective = d.startOf("day").toMillis();
  }
  return {
    bundle,
    zone,
    currency: bundle.agreement?.currency ?? null,
    calendars,
    services: index(bundle.services),
    metrics: index(bundle.metrics),
    objectives: index(bundle.objectives),
    businessCalendar,
    effective,
    effectiveDate: effective === null ? null : (bundle.agreement?.effective ?? null),
    termEnd: termEndOf(bundle, zone),
    memo: new Map(),
  };
}

export function serviceOf(ctx: Pick<Context, "services">, objective: BundleObjective): BundleService {
  const name = objective.service;
  const service = name === null ? undefined : ctx.services.get(name);
  if (service === undefined) throw new BundleProblemError(`objective ${objective.name}: unknown service "${name}"`);
  return service;
}

export function metricOf(ctx: Pick<Context, "metrics">, objective: BundleObjective): BundleMetric {
  const metric = objective.metric === null ? undefined : ctx.metrics.get(objective.metric);
  if (metric === undefined)
    throw new BundleProblemError(`objective ${objective.name}: unknown metric "${objective.metric}"`);
  return metric;
}

/** The calendar business units count on for `during` hours: the named calendar, else the business calendar. */
export function calendarFor(ctx: Pick<Context, "calendars" | "businessCalendar">, during: BundleHours): Calendar {
  if (during.kind === "24x7") return ctx.businessCalendar;
  const cal = ctx.calendars.get(during.calendar);
  if (cal === undefined) throw new BundleProblemError(`unknown calendar "${during.calendar}"`);
  return cal;
}

export function memo<T>(ctx: Pick<Context, "memo">, key: string, compute: () => T): T {
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const value = compute();
  ctx.memo.set(key, value);
  return value;
}
