/**
 * Every bundle is validated before it is evaluated: against its JSON Schema (shapes and types),
 * then against what the schema cannot say — the same limits the checker enforces on a contract
 * (`@sla/language`'s limit values), units an outage limit can be given in, seconds that agree with
 * the amount, and names that refer to something. A bundle written by hand or damaged on the way
 * gets an error naming the JSON path of the bad field, never an internal TypeError or a run that
 * does not end.
 */
import {
  type DurationScope,
  describeWeek,
  durationLimitProblem,
  isFractionOfVariableUnit,
  MAX_CONSECUTIVE_WINDOWS,
  MONDAY_TO_FRIDAY,
  maxDays,
  WEEKDAYS,
  type WeeklyWorkingTime,
  weeklyWorkingTime,
} from "@sla/language/helpers";
import type { ErrorObject } from "ajv";
import type { BundleCalendar, BundleDuration, BundleHours, BundleWindow, RuleBundle } from "./bundle.ts";
import { Dec } from "./decimal.ts";
import { BundleValidationError } from "./errors.ts";

type Validator = ((bundle: unknown) => boolean) & { errors?: ErrorObject[] | null };
let schemaValidator: Promise<Validator> | undefined;

/**
 * The schema's validator: ajv's code for the schema, generated ahead of time
 * (`bundle-schema-validator.ts`; compiling the schema took ajv about 0.4 s at every start) and
 * loaded on first use, so commands that never evaluate (check, fmt, build) do not read it.
 */
function loadValidator(): Promise<Validator> {
  schemaValidator ??= import("./bundle-schema-validator.ts").then((module) => module.validate as Validator);
  return schemaValidator;
}

/** One step of a JSON path: `.support`, `[2]`, `["term length"]`. */
function step(key: string): string {
  return /^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** `$.objectives[2].support`: a JSON path from ajv's JSON pointer. */
function jsonPath(pointer: string, child?: string): string {
  const parts = pointer === "" ? [] : pointer.slice(1).split("/");
  if (child !== undefined) parts.push(child);
  return `$${parts.map((raw) => step(raw.replace(/~1/g, "/").replace(/~0/g, "~"))).join("")}`;
}

/** JSON numbers too large for a double (`1e400`) parse as Infinity, which JSON Schema's integer admits. */
function checkFinite(value: unknown, path: string): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new BundleValidationError(path, "is not a finite number");
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkFinite(value[i], `${path}[${i}]`);
  } else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) checkFinite(v, path + step(key));
  }
}

async function checkSchema(bundle: unknown): Promise<void> {
  const validate = await loadValidator();
  if (validate(bundle)) return;
  const error = validate.errors?.[0];
  if (!error) throw new BundleValidationError("$", "does not match the rule bundle schema");
  const params = error.params as { additionalProperty?: string; missingProperty?: string };
  if (params.additionalProperty !== undefined)
    throw new BundleValidationError(jsonPath(error.instancePath, params.additionalProperty), "is not a bundle field");
  if (params.missingProperty !== undefined)
    throw new BundleValidationError(jsonPath(error.instancePath, params.missingProperty), "is missing");
  throw new BundleValidationError(jsonPath(error.instancePath), error.message ?? "is not valid");
}

const UNIT_SECONDS: Partial<Record<BundleDuration["unit"], string>> = {
  millisecond: "0.001",
  second: "1",
  minute: "60",
  hour: "3600",
  day: "86400",
  week: "604800",
};

const MINUTES = /^(\d{2}):(\d{2})$/;

/** What SLA4023 checks in a contract: slices that tile every hour, and a threshold some slice passes and some does not. */
function downtimeSlice(path: string, slice: NonNullable<RuleBundle["metrics"][number]["downtimeSlice"]>): void {
  const unitSeconds = UNIT_SECONDS[slice.length.unit];
  const seconds = unitSeconds === undefined ? null : new Dec(slice.length.amount).times(unitSeconds);
  if (seconds === null || !seconds.isInteger() || seconds.lte(0) || new Dec(3600).mod(seconds).gt(0))
    throw new BundleValidationError(
      `${path}.length`,
      `"${slice.length.text}" is not a whole number of seconds that divides an hour`,
    );
  if (slice.length.seconds !== undefined && !seconds.eq(slice.length.seconds))
    throw new BundleValidationError(`${path}.length.seconds`, `does not match "${slice.length.text}"`);
  const threshold = new Dec(slice.threshold);
  if (slice.comparison === "above" ? threshold.gte(100) || threshold.lt(0) : threshold.lte(0) || threshold.gt(100))
    throw new BundleValidationError(`${path}.threshold`, `no slice can be ${slice.comparison} ${slice.threshold}%`);
}

function weekOf(calendar: BundleCalendar): WeeklyWorkingTime {
  const spans: { day: number; from: number; to: number }[] = [];
  for (const h of calendar.hours) {
    const from = MINUTES.exec(h.from);
    const to = MINUTES.exec(h.to);
    if (!from || !to) continue; // reported by the calendar's own validation
    for (const d of h.days)
      spans.push({ day: WEEKDAYS.indexOf(d), from: +from[1] * 60 + +from[2], to: +to[1] * 60 + +to[2] });
  }
  return weeklyWorkingTime(spans);
}

/** Checks a bundle of unknown origin; resolves to it typed, or rejects with `BundleValidationError`. */
export async function validateBundle(bundle: unknown): Promise<RuleBundle> {
  await checkSchema(bundle);
  checkFinite(bundle, "$");
  const b = bundle as RuleBundle;
  const calendars = new Map(b.calendars.map((c) => [c.name, c]));
  const weeks = new Map<string, WeeklyWorkingTime>();
  const week = (name: string) => {
    let w = weeks.get(name);
    if (w === undefined) {
      w = weekOf(calendars.get(name) as BundleCalendar);
      weeks.set(name, w);
    }
    return w;
  };
  const named = (path: string, kind: string, name: string | null, names: Set<string>) => {
    if (name !== null && !names.has(name))
      throw new BundleValidationError(path, `names no ${kind} of the bundle ("${name}")`);
  };
  const calendarNames = new Set(calendars.keys());
  const business = b.agreement?.businessCalendar ?? null;
  named("$.agreement.businessCalendar", "calendar", business, calendarNames);
  const businessWeek = business === null ? MONDAY_TO_FRIDAY : week(business);
  const hoursAt = (path: string, hours: BundleHours) => {
    if (hours.kind === "calendar") named(`${path}.calendar`, "calendar", hours.calendar, calendarNames);
  };

  const duration = (path: string, d: BundleDuration | null, scope: DurationScope = "span", during?: BundleHours) => {
    if (d === null) return;
    const unitSeconds = UNIT_SECONDS[d.unit];
    if (d.seconds !== undefined && (unitSeconds === undefined || !new Dec(d.amount).times(unitSeconds).eq(d.seconds)))
      throw new BundleValidationError(`${path}.seconds`, `does not match "${d.amount} ${d.unit}"`);
    if (isFractionOfVariableUnit(d))
      throw new BundleValidationError(`${path}.amount`, `"${d.text}": only whole ${d.unit}s are evaluated`);
    const onCalendar = during?.kind === "calendar";
    const calendarWeek = onCalendar ? week(during.calendar) : businessWeek;
    const problem = durationLimitProblem(d, scope, calendarWeek, onCalendar);
    if (problem?.kind === "too long")
      throw new BundleValidationError(
        `${path}.amount`,
        `"${d.text}" is longer than ${problem.max}, the longest the engine evaluates`,
      );
    if (problem?.kind === "business")
      throw new BundleValidationError(
        `${path}.amount`,
        `"${d.text}" of working time (${describeWeek(problem.weekly)}) takes longer than ${problem.max} to pass, the longest the engine evaluates`,
      );
  };
  const fixed = (path: string, d: BundleDuration) => {
    if (UNIT_SECONDS[d.unit] === undefined)
      throw new BundleValidationError(`${path}.unit`, `an amount of downtime needs a fixed length, not ${d.unit}s`);
    duration(path, d);
  };
  const window = (path: string, w: BundleWindow | null) => {
    if (w === null) return;
    if (w.period === "rolling" && w.days === undefined) throw new BundleValidationError(`${path}.days`, "is missing");
    if (w.days !== undefined && w.days > maxDays("span"))
      throw new BundleValidationError(
        `${path}.days`,
        `${w.days} days is longer than the ${maxDays("span")} the engine evaluates`,
      );
  };

  duration("$.agreement.term", b.agreement?.term ?? null, "term");
  duration("$.agreement.renewal.period", b.agreement?.renewal?.period ?? null, "term");
  duration("$.agreement.renewal.notice", b.agreement?.renewal?.notice ?? null, "term");

  const services = new Set(b.services.map((s) => s.name));
  const metrics = new Set(b.metrics.map((m) => m.name));
  const objectives = new Set(b.objectives.map((o) => o.name));
  const exclusions = (path: string, list: RuleBundle["services"][number]["exclusions"]) => {
    for (const [i, e] of list.entries()) {
      duration(`${path}[${i}].notice`, e.notice);
      if (e.allowance) {
        fixed(`${path}[${i}].allowance.duration`, e.allowance.duration);
        window(`${path}[${i}].allowance.window`, e.allowance.window);
      }
    }
  };
  b.services.forEach((s, i) => {
    hoursAt(`$.services[${i}].hours`, s.hours);
    exclusions(`$.services[${i}].exclusions`, s.exclusions);
  });
  for (const [i, m] of b.metrics.entries()) {
    named(`$.metrics[${i}].service`, "service", m.service, services);
    if (m.downtimeSlice) downtimeSlice(`$.metrics[${i}].downtimeSlice`, m.downtimeSlice);
  }
  b.objectives.forEach((o, i) => {
    const at = `$.objectives[${i}]`;
    if (o.hours) named(`${at}.hours.calendar`, "calendar", o.hours.calendar, calendarNames);
    named(`${at}.service`, "service", o.service, services);
    named(`${at}.metric`, "metric", o.metric, metrics);
    window(`${at}.window`, o.window);
    const goal = o.target?.value;
    // the downtime budget is worked out from a percentage target, which only 0 to 100 can give
    if (goal?.kind === "percentage" && (new Dec(goal.value).lt(0) || new Dec(goal.value).gt(100)))
      throw new BundleValidationError(`${at}.target.value.value`, `${goal.value}% is not a percentage from 0 to 100`);
    if (o.maxOutagePerIncident) fixed(`${at}.maxOutagePerIncident.duration`, o.maxOutagePerIncident.duration);
    if (o.maxTotalOutage) {
      fixed(`${at}.maxTotalOutage.duration`, o.maxTotalOutage.duration);
      window(`${at}.maxTotalOutage.window`, o.maxTotalOutage.window);
    }
    exclusions(`${at}.exclusions`, o.exclusions);
    const support = o.support;
    if (support) {
      for (const key of ["response", "resolution"] as const) {
        const target = support[key];
        if (!target) continue;
        hoursAt(`${at}.support.${key}.during`, target.during);
        duration(`${at}.support.${key}.within`, target.within, "span", target.during);
      }
      window(`${at}.support.share.window`, support.share?.window ?? null);
    }
  });
  b.remedies.forEach((r, i) => {
    const at = `$.remedies[${i}]`;
    named(`${at}.objective`, "objective", r.objective, objectives);
    window(`${at}.cap.window`, r.cap?.window ?? null);
    duration(`${at}.claimWithin`, r.claimWithin);
    for (const [j, a] of r.actions.entries()) duration(`${at}.actions[${j}].within`, a.within);
    if (r.termination) duration(`${at}.termination.within`, r.termination.within);
    duration(`${at}.notice`, r.notice);
    // stepped through like an action's time when the right is exercisable
    duration(`${at}.exerciseWithin`, r.exerciseWithin ?? null);
  });
  b.incentives.forEach((inc, i) => {
    const at = `$.incentives[${i}]`;
    named(`${at}.objective`, "objective", inc.objective, objectives);
    window(`${at}.cap.window`, inc.cap?.window ?? null);
    inc.bonuses.forEach((bonus, j) => {
      if (bonus.consecutiveWindows > MAX_CONSECUTIVE_WINDOWS)
        throw new BundleValidationError(
          `${at}.bonuses[${j}].consecutiveWindows`,
          `${bonus.consecutiveWindows} consecutive windows is more than the ${MAX_CONSECUTIVE_WINDOWS} the engine evaluates`,
        );
    });
  });
  for (const [i, r] of b.reporting.entries()) {
    for (const [j, report] of r.reports.entries()) {
      for (const [k, name] of report.objectives.entries())
        named(`$.reporting[${i}].reports[${j}].objectives[${k}]`, "objective", name, objectives);
      duration(`$.reporting[${i}].reports[${j}].within`, report.within);
    }
  }
  return b;
}
