/**
 * Typed questions the contract's sections ask of a rule bundle ("is any duration in business
 * days?", "which calendars are used?"). Each walks the places of the bundle's types where the thing
 * asked about can occur, so a new place in the bundle is a new line here rather than a string that
 * a search of the bundle's JSON happens to find.
 */
import type {
  BundleDuration,
  BundleExclusion,
  BundleObjective,
  BundleWindow,
  DurationUnit,
  FeeBasis,
  RuleBundle,
  WindowPeriod,
} from "../bundle-types.ts";

/** Every duration the bundle states, wherever it is stated. */
function* durations(bundle: RuleBundle): Generator<BundleDuration> {
  const a = bundle.agreement;
  if (a?.term) yield a.term;
  if (a?.renewal?.period) yield a.renewal.period;
  if (a?.renewal?.notice) yield a.renewal.notice;
  if (a?.changeOfControl) yield* [a.changeOfControl.notice, a.changeOfControl.window];
  for (const e of exclusions(bundle)) {
    if (e.notice) yield e.notice;
    if (e.allowance) yield e.allowance.duration;
  }
  for (const o of bundle.objectives) {
    if (o.maxOutagePerIncident) yield o.maxOutagePerIncident.duration;
    if (o.maxTotalOutage) yield o.maxTotalOutage.duration;
    if (o.support?.response) yield o.support.response.within;
    if (o.support?.resolution) yield o.support.resolution.within;
    if (o.keyMeasurement?.promotionNotice) yield o.keyMeasurement.promotionNotice;
  }
  for (const m of bundle.metrics) if (m.measurementPlan?.interval) yield m.measurementPlan.interval;
  for (const r of bundle.remedies) {
    if (r.claimWithin) yield r.claimWithin;
    for (const action of r.actions) if (action.within) yield action.within;
    if (r.termination) yield r.termination.within;
    if (r.notice) yield r.notice;
  }
  for (const r of bundle.reporting) for (const report of r.reports) if (report.within) yield report.within;
}

/** Every measurement or allowance window the bundle states. */
function* windows(bundle: RuleBundle): Generator<BundleWindow> {
  for (const e of exclusions(bundle)) if (e.allowance) yield e.allowance.window;
  for (const o of bundle.objectives) {
    yield o.window;
    if (o.maxTotalOutage) yield o.maxTotalOutage.window;
    if (o.support?.share) yield o.support.share.window;
  }
  for (const r of [...bundle.remedies, ...bundle.incentives]) if (r.cap?.window) yield r.cap.window;
}

/** Every fee a credit, a bonus or a cap is a percentage of. */
function* feeBases(bundle: RuleBundle): Generator<FeeBasis> {
  for (const s of bundle.services) if (s.feesAtRisk) yield s.feesAtRisk.basis;
  for (const i of bundle.incentives)
    for (const b of [...(i.outcome?.gainShare ?? []), ...(i.outcome?.painShare ?? [])]) yield b.basis;
  for (const r of bundle.remedies) {
    for (const c of r.credits) if (!("amount" in c)) yield c.basis;
    if (r.cap) yield r.cap.basis;
  }
  for (const i of bundle.incentives) {
    for (const b of i.bonuses) yield b.basis;
    if (i.cap) yield i.cap.basis;
  }
}

/** Whether any duration is counted in `unit` (business days and hours are then defined terms). */
export function usesDurationUnit(bundle: RuleBundle, unit: DurationUnit): boolean {
  for (const d of durations(bundle)) if (d.unit === unit) return true;
  return false;
}

/** Whether any window is of `period` (weeks then need a first day). */
export function usesWindowPeriod(bundle: RuleBundle, period: WindowPeriod): boolean {
  for (const w of windows(bundle)) if (w.period === period) return true;
  return false;
}

/** Whether any credit, bonus or cap is a percentage of `basis` (the fee is then a defined term). */
export function usesFeeBasis(bundle: RuleBundle, basis: FeeBasis): boolean {
  for (const b of feeBases(bundle)) if (b === basis) return true;
  return false;
}

/** The calendars something refers to: service hours, support hours, the business calendar. */
export function usedCalendars(bundle: RuleBundle): Set<string> {
  const used = new Set<string>();
  const business = bundle.agreement?.businessCalendar;
  if (business) used.add(business);
  for (const s of bundle.services) if (s.hours.kind === "calendar") used.add(s.hours.calendar);
  for (const o of bundle.objectives)
    for (const t of [o.support?.response, o.support?.resolution])
      if (t?.during.kind === "calendar") used.add(t.during.calendar);
  return used;
}

/** Whether the objective limits Downtime: an availability target or a limit on outages. */
export function limitsDowntime(o: BundleObjective): boolean {
  return o.metricType === "availability" || Boolean(o.maxOutagePerIncident || o.maxTotalOutage);
}

/** Whether any service level measures Downtime (so the term is defined). */
export function measuresDowntime(bundle: RuleBundle): boolean {
  return bundle.objectives.some(limitsDowntime);
}

/** Every exclusion, the services' and the objectives' (an objective repeats its service's). */
export function exclusions(bundle: RuleBundle): BundleExclusion[] {
  return [...bundle.services.flatMap((s) => s.exclusions), ...bundle.objectives.flatMap((o) => o.exclusions)];
}

/**
 * The objective's exclusions beyond its service's: the compiler lists the service's first, so they
 * are dropped when they are the objective's first ones, field for field.
 */
export function ownExclusions(bundle: RuleBundle, o: BundleObjective): BundleExclusion[] {
  const service = o.service === null ? undefined : bundle.services.find((s) => s.name === o.service);
  const inherited = service?.exclusions ?? [];
  const prefix = o.exclusions.slice(0, inherited.length);
  const same = prefix.length === inherited.length && prefix.every((e, i) => sameValue(e, inherited[i]));
  return same ? o.exclusions.slice(inherited.length) : o.exclusions;
}

/** Deep equality of JSON values, keys in the same order (as the compiler writes them). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k, i) => k === kb[i] && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
