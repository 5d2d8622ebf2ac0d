/**
 * Objectives held `for each region` (`objective.forEach`): each unit the observed data names is
 * evaluated on its own, from the records that carry it, as if they were the only records of the
 * service; its breaches, credits (of its own fee, when the fee is per unit), caps, minimum credit,
 * termination rights and actions are its own. A unit is known by any record of what the objective
 * measures that names it, whatever the record's time, or by a charge for it when the service's fee
 * is charged per that unit. Every figure is the same code's as for a whole service: a unit's
 * evaluation runs over a view of the data holding only that unit's records.
 */
import type { BundleObjective, RuleBundle } from "./bundle.ts";
import { type CollectedData, MeasurementStore } from "./collect.ts";
import { type Context, memo } from "./context.ts";
import { BundleProblemError } from "./errors.ts";
import type { OutageRecord, TicketRecord } from "./events.ts";
import { aggregatesKind } from "./objective-kind.ts";

/** Where the records an objective measures name their unit (`Interest.perUnit`'s keys). */
function unitKey(o: BundleObjective): string | null {
  switch (aggregatesKind(o)) {
    case "outages":
      return `outage|${o.service}`;
    case "tickets":
      return `ticket|${o.service}`;
    case "measurements":
      return `metric|${o.metric}`;
    default:
      return null;
  }
}

/** What the reader must split by unit, and whose records must name one: key → the unit's word. */
export function perUnitInterest(bundle: RuleBundle): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const o of bundle.objectives) {
    const key = o.forEach ? unitKey(o) : null;
    if (key !== null) out.set(key, o.forEach!);
  }
  for (const s of bundle.services) if (s.feeUnit && s.feeCharged) out.set(`charge|${s.name}`, s.feeUnit);
  return out.size ? out : undefined;
}

/**
 * Refuses a bundle whose per-unit terms the engine would have to guess at (the checker's SLA5015
 * and SLA5016 say the same of a contract): a percentage of a fee that is not the unit's, what is
 * judged over the whole service (fees at risk, a bonus) on a per-unit objective, two kinds of unit
 * on one service, and a per-unit objective on a metric counted from requests records (no unit).
 */
export function checkUnits(bundle: RuleBundle): void {
  const services = new Map(bundle.services.map((s) => [s.name, s]));
  const objectives = new Map(bundle.objectives.map((o) => [o.name, o]));
  const metrics = new Map(bundle.metrics.map((m) => [m.name, m]));
  const unitOfService = new Map<string, string>();
  for (const o of bundle.objectives) {
    if (!o.forEach) continue;
    const where = `objective ${o.name} is held for each ${o.forEach}`;
    if (o.critical || o.minimum || o.keyMeasurement)
      throw new BundleProblemError(`${where}, but fees at risk judge the service as a whole`);
    const seen = o.service === null ? undefined : unitOfService.get(o.service);
    if (seen !== undefined && seen !== o.forEach)
      throw new BundleProblemError(`${where}, and another objective of service ${o.service} for each ${seen}`);
    if (o.service !== null) unitOfService.set(o.service, o.forEach);
    const metric = o.metric === null ? undefined : metrics.get(o.metric);
    if (metric?.downtimeSlice || metric?.type === "success rate")
      throw new BundleProblemError(`${where}, but its metric is counted from requests records, which carry no unit`);
    // the outages of a service are all its outage records and all its metrics' bad slices
    const sliced = bundle.metrics.find((m) => m.downtimeSlice && m.service !== null && m.service === o.service);
    if (sliced && aggregatesKind(o) === "outages")
      throw new BundleProblemError(
        `${where}, but the downtime of service ${o.service} includes the time slices of metric ${sliced.name}, counted from requests records, which carry no unit`,
      );
  }
  for (const r of bundle.remedies) {
    const o = r.objective === null ? undefined : objectives.get(r.objective);
    const service = o?.service == null ? undefined : services.get(o.service);
    if (!o || !service) continue;
    const ofFee = r.credits.some((c) => "basis" in c) || r.cap !== null;
    if (ofFee && (o.forEach ?? null) !== (service.feeUnit ?? null))
      throw new BundleProblemError(
        `remedy ${r.name}: a percentage of the fee of service ${service.name} (${service.feeUnit ? `per ${service.feeUnit}` : "the whole service"}) for objective ${o.name} (${o.forEach ? `for each ${o.forEach}` : "the whole service"})`,
      );
  }
  for (const i of bundle.incentives) {
    const o = i.objective === null ? undefined : objectives.get(i.objective);
    if (o?.forEach)
      throw new BundleProblemError(`incentive ${i.name}: objective ${o.name} is held for each ${o.forEach}`);
    const name = o?.service ?? i.outcome?.service ?? null;
    const service = name === null ? undefined : services.get(name);
    if (service?.feeUnit)
      throw new BundleProblemError(`incentive ${i.name}: the fee of service ${service.name} is per ${service.feeUnit}`);
  }
  for (const s of bundle.services) {
    if (s.feeUnit && s.feesAtRisk)
      throw new BundleProblemError(
        `service ${s.name}: its fee is per ${s.feeUnit}, and fees at risk are of the whole service's fee`,
      );
  }
}

/** The units an objective is evaluated for, in code-point order. */
export function unitsOf(ctx: Context, o: BundleObjective): string[] {
  const key = unitKey(o);
  const names = new Set(key === null ? [] : (ctx.data.units?.get(key) ?? []));
  const service = o.service === null ? undefined : ctx.services.get(o.service);
  if (service?.feeCharged && service.feeUnit === o.forEach)
    for (const u of ctx.data.units?.get(`charge|${service.name}`) ?? []) names.add(u);
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The units of a service's per-unit objectives (and of its charges per unit), in code-point order. */
export function unitsOfService(ctx: Context, service: string): string[] {
  return memo(ctx, `units of service|${service}`, () => {
    const names = new Set<string>();
    for (const o of ctx.bundle.objectives)
      if (o.forEach && o.service === service) for (const u of unitsOf(ctx, o)) names.add(u);
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  });
}

/** The context of one unit: the data holds only that unit's records, and its evaluations are memoised apart. */
export function unitContext(ctx: Context, unit: string): Context {
  return memo(ctx, `unit context|${unit}`, () => ({
    ...ctx,
    data: byUnit(ctx).get(unit) ?? emptyUnitData(ctx.data),
    memo: new Map<string, unknown>(),
    unitName: unit,
    unitOf: ctx,
  }));
}

type UnitData = Pick<CollectedData, "outages" | "tickets" | "measurements" | "charges">;

/** The kept records split by unit, once: records without a unit are in none. */
function byUnit(ctx: Context): Map<string, CollectedData> {
  return memo(ctx, "units data", () => {
    const parts = new Map<string, UnitData>();
    const part = (unit: string): UnitData => {
      let p = parts.get(unit);
      if (p === undefined) {
        p = { outages: new Map(), tickets: new Map(), measurements: new Map() };
        parts.set(unit, p);
      }
      return p;
    };
    const split = <T extends OutageRecord | TicketRecord>(
      from: Map<string, T[]>,
      to: (p: UnitData) => Map<string, T[]>,
    ) => {
      for (const [service, list] of from)
        for (const r of list) if (r.unit !== undefined) push(to(part(r.unit)), service, r);
    };
    split(ctx.data.outages, (p) => p.outages);
    split(ctx.data.tickets, (p) => p.tickets);
    for (const [metric, store] of ctx.data.measurements) {
      if (store.unit === null) continue;
      for (let i = 0; i < store.length; i++) {
        const unit = store.unit[i];
        if (unit === undefined) continue;
        const measurements = part(unit).measurements;
        let s = measurements.get(metric);
        if (s === undefined) {
          s = new MeasurementStore();
          measurements.set(metric, s);
        }
        s.push({ type: "measurement", line: store.line[i], metric, at: store.at[i], value: store.value[i], unit });
      }
    }
    for (const c of ctx.data.charges ?? []) {
      if (c.unit === undefined) continue;
      const p = part(c.unit);
      if (p.charges === undefined) p.charges = [];
      p.charges.push(c);
    }
    return new Map([...parts].map(([unit, p]) => [unit, { ...emptyUnitData(ctx.data), ...p }]));
  });
}

function emptyUnitData(data: CollectedData): CollectedData {
  const { charges: _charges, ...rest } = data;
  return { ...rest, outages: new Map(), tickets: new Map(), measurements: new Map() };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
