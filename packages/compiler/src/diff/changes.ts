/**
 * The semantic difference between two rule bundles, in the contract's words: what a party agrees
 * to that it did not before. Declarations are matched by name; within them, credit tiers by their
 * condition, exclusions by cause, reports by the objectives they cover, clause text by sentence.
 * Layout, comments, order and formatting of the source are not in a bundle, so they never show.
 *
 * Each change is `{ kind, path, before, after, sentence }`: `path` names the place in the bundle
 * (`objectives.Uptime.target`), `before` and `after` are the bundle's values there (`null` when
 * added or removed), `sentence` says it for people (see sentence.ts for how titles are marked).
 */
import type {
  BundleExclusion,
  BundleMetric,
  BundleObjective,
  BundleService,
  BundleWindow,
  FeeBasis,
  RuleBundle,
} from "../bundle-types.ts";
import { formatDate, listAnd, formatDuration, formatMoney, formatPercent, perWindow } from "../render/format.ts";
import { titleOf } from "../render/phrases.ts";
import { compareAmounts, compareDurations, sentencesOf } from "./measure.ts";
import { diffSequences } from "./sequence.ts";
import { type Change, Changes, direction, field, fromTo, keyed, byName, same, strip } from "./match.ts";
import {
  creditAmount,
  creditCondition,
  creditSize,
  creditSizes,
  durationOrNone,
  hoursText,
  quoteOrNone,
  serviceHours,
  share,
  shares,
  supportText,
  valueText,
  windowText,
} from "./phrasing.ts";
import { named, quote } from "./sentence.ts";

export type { ChangeKind } from "./measure.ts";
export type { Change } from "./match.ts";

/** Every semantic change from `before` to `after`, in the order of the contract's sections. */
export function diffBundles(before: RuleBundle, after: RuleBundle): Change[] {
  const out = new Changes();
  agreement(out, before, after);
  byName(out, "parties", "party", before.parties, after.parties, (p, q, path) => {
    field(out, "party", `${path}.role`, p.role, q.role, `The role of ${named(titleOf(q))}`, (v) => v ?? "none");
    field(out, "party", `${path}.address`, p.address, q.address, `The address of ${named(titleOf(q))}`, quoteOrNone);
    field(out, "party", `${path}.contact`, p.contact, q.contact, `The contact of ${named(titleOf(q))}`, quoteOrNone);
  });
  byName(out, "services", "service", before.services, after.services, (p, q, path) => service(out, p, q, path));
  byName(out, "calendars", "calendar", before.calendars, after.calendars, (p, q, path) => {
    field(out, "calendar", `${path}.timezone`, p.timezone, q.timezone, `The time zone of ${named(titleOf(q))}`);
    field(out, "calendar", `${path}.hours`, p.hours, q.hours, `The working hours of ${named(titleOf(q))}`, hoursText);
    field(out, "calendar", `${path}.holidays`, p.holidays, q.holidays, `The holidays of ${named(titleOf(q))}`, (h) =>
      h.length ? h.map(formatDate).join(", ") : "none",
    );
  });
  byName(out, "metrics", "metric", before.metrics, after.metrics, (p, q, path) => {
    const of = named(titleOf(q));
    field(out, "metric", `${path}.type`, p.type, q.type, `The type of ${of}`);
    field(
      out,
      "metric",
      `${path}.percentile`,
      p.percentile,
      q.percentile,
      `The percentile of ${of}`,
      (v) => v ?? "none",
    );
    field(out, "metric", `${path}.service`, p.service, q.service, `The service ${of} measures`, (v) => v ?? "none");
    field(out, "metric", `${path}.measuredBy`, p.measuredBy, q.measuredBy, `How ${of} is measured`, quoteOrNone);
    field(
      out,
      "metric",
      `${path}.downtimeDefinition`,
      p.downtimeDefinition,
      q.downtimeDefinition,
      `The definition of downtime for ${of}`,
      quoteOrNone,
    );
    field(
      out,
      "metric",
      `${path}.downtimeSlice`,
      sliceText(p.downtimeSlice),
      sliceText(q.downtimeSlice),
      `The time-slice downtime of ${of}`,
      (v) => v ?? "none",
    );
  });
  byName(out, "objectives", "objective", before.objectives, after.objectives, (p, q, path) =>
    objective(out, p, q, path, before, after),
  );
  byName(out, "remedies", "remedy", before.remedies, after.remedies, (p, q, path) => {
    const of = named(titleOf(q));
    field(
      out,
      "remedy",
      `${path}.objective`,
      p.objective,
      q.objective,
      `The objective ${of} applies to`,
      (v) => v ?? "none",
    );
    keyed(
      out,
      "tier",
      `${path}.credits`,
      p.credits,
      q.credits,
      creditCondition,
      (c) => `A credit tier of ${creditSize(c)} ${creditCondition(c)}`,
      of,
      (c, d, at) => {
        const [x, y] = [creditAmount(c), creditAmount(d)];
        if (x.value !== y.value || x.unit !== y.unit)
          out.add(
            "tier",
            at,
            c,
            d,
            `The credit ${creditCondition(d)} in ${of} is ${direction(x.unit === y.unit ? compareAmounts(x.value, y.value) : 0, "raised", "lowered")} from ${creditSizes(c, d)}`,
          );
      },
    );
    cap(out, `${path}.cap`, p.cap, q.cap, of, "credits");
    if (Boolean(p.cumulative) !== Boolean(q.cumulative))
      out.add(
        "remedy",
        `${path}.cumulative`,
        p.cumulative ?? false,
        q.cumulative ?? false,
        q.cumulative
          ? `The credits of ${of} become cumulative`
          : `The credits of ${of} are no longer cumulative: only the largest is given`,
      );
    if (!same(p.minimumCredit, q.minimumCredit)) {
      const [from, to] = [p.minimumCredit, q.minimumCredit];
      const text = (m: NonNullable<typeof from>) => formatMoney(m.amount, m.currency);
      const comparable = from && to && from.currency === to.currency;
      const sentence =
        from && to
          ? `The minimum credit of ${of} ${comparable ? `is ${direction(compareAmounts(from.amount, to.amount), "raised", "lowered")}` : "changes"} from ${text(from)} to ${text(to)}`
          : to
            ? `A minimum credit of ${text(to)} is added to ${of}`
            : `The minimum credit of ${of} is removed`;
      out.add("remedy", `${path}.minimumCredit`, from ?? null, to ?? null, sentence);
    }
    if (!same(p.claimWithin, q.claimWithin)) {
      const [from, to] = [p.claimWithin, q.claimWithin];
      const sentence =
        from && to
          ? `The claim period of ${of} is ${direction(compareDurations(from, to), "lengthened", "shortened")} from ${fromTo(from, to)}`
          : to
            ? `A claim period of ${formatDuration(to)} is added to ${of}`
            : `The claim period of ${of} is removed`;
      out.add("claim-period", `${path}.claimWithin`, from, to, sentence);
    }
    if (p.soleRemedy !== q.soleRemedy)
      out.add(
        "remedy",
        `${path}.soleRemedy`,
        p.soleRemedy,
        q.soleRemedy,
        q.soleRemedy
          ? `The credits of ${of} become the sole remedy`
          : `The credits of ${of} are no longer the sole remedy`,
      );
    keyed(
      out,
      "action",
      `${path}.actions`,
      p.actions,
      q.actions,
      (a) => a.description,
      (a) => `The action ${quote(a.description)}`,
      of,
      (a, b, at) =>
        field(
          out,
          "action",
          `${at}.within`,
          a.within,
          b.within,
          `The time for ${quote(b.description)} in ${of}`,
          durationOrNone,
        ),
    );
    if (!same(strip(p.termination), strip(q.termination))) {
      const t = (x: typeof p.termination) =>
        x ? `after ${x.breaches} ${x.breaches === 1 ? "breach" : "breaches"} within ${formatDuration(x.within)}` : "";
      const sentence =
        p.termination && q.termination
          ? `The right to terminate under ${of} changes from ${t(p.termination)} to ${t(q.termination)}`
          : q.termination
            ? `A right to terminate ${t(q.termination)} is added to ${of}`
            : `The right to terminate ${t(p.termination)} under ${of} is removed`;
      out.add("termination", `${path}.termination`, p.termination, q.termination, sentence);
    }
    field(out, "remedy", `${path}.notice`, p.notice, q.notice, `The notice under ${of}`, durationOrNone);
  });
  byName(out, "incentives", "incentive", before.incentives, after.incentives, (p, q, path) => {
    const of = named(titleOf(q));
    const when = (b: (typeof p.bonuses)[number]) =>
      `${b.comparator} ${valueText(b.value)}${b.consecutiveWindows > 1 ? ` for ${b.consecutiveWindows} consecutive windows` : ""}`;
    keyed(
      out,
      "bonus",
      `${path}.bonuses`,
      p.bonuses,
      q.bonuses,
      when,
      (b) => `A bonus of ${formatPercent(b.percent)} ${when(b)}`,
      of,
      (b, c, at) => {
        if (b.percent !== c.percent || b.basis !== c.basis)
          out.add(
            "bonus",
            at,
            b,
            c,
            `The bonus ${when(c)} in ${of} is ${direction(compareAmounts(b.percent, c.percent), "raised", "lowered")} from ${shares(b, c)}`,
          );
      },
    );
    cap(out, `${path}.cap`, p.cap, q.cap, of, "bonuses");
  });
  byName(out, "reporting", "reporting", before.reporting, after.reporting, (p, q, path) => {
    const of = named(titleOf(q));
    const key = (r: (typeof p.reports)[number]) => r.objectives.join(", ");
    const objective = (name: string) =>
      after.objectives.find((o) => o.name === name) ?? before.objectives.find((o) => o.name === name);
    const covering = (r: (typeof p.reports)[number]) =>
      listAnd(r.objectives.map((name) => named(titleOf(objective(name) ?? { name, title: null }))));
    keyed(
      out,
      "reporting",
      `${path}.reports`,
      p.reports,
      q.reports,
      key,
      (r) => `The report on ${covering(r)}`,
      of,
      (r, s, at) => {
        field(
          out,
          "reporting",
          `${at}.frequency`,
          r.frequency,
          s.frequency,
          `How often the report on ${covering(s)} is made`,
          (v) => v ?? "not stated",
        );
        field(
          out,
          "reporting",
          `${at}.within`,
          r.within,
          s.within,
          `The time to deliver the report on ${covering(s)}`,
          durationOrNone,
        );
      },
    );
    field(out, "reporting", `${path}.review`, p.review, q.review, `The service review of ${of}`, (v) => v ?? "none");
  });
  byName(out, "clauses", "clause", before.clauses, after.clauses, (p, q, path) =>
    clauseText(out, p.text, q.text, path, named(titleOf(q))),
  );
  return out.list;
}

function agreement(out: Changes, before: RuleBundle, after: RuleBundle): void {
  const [p, q] = [before.agreement, after.agreement];
  if (!p || !q) {
    if (p || q) out.add("agreement", "agreement", p, q, q ? "The agreement is added" : "The agreement is removed");
    return;
  }
  field(out, "agreement", "agreement.title", p.title, q.title, "The title of the agreement", quoteOrNone);
  field(out, "agreement", "agreement.version", p.version, q.version, "The version", (v) => v ?? "none");
  field(out, "agreement", "agreement.effective", p.effective, q.effective, "The effective date", (v) =>
    v ? formatDate(v) : "none",
  );
  field(out, "agreement", "agreement.term", p.term, q.term, "The term", durationOrNone);
  field(out, "agreement", "agreement.renewal", p.renewal, q.renewal, "The renewal", (r) =>
    r
      ? `${r.automatic ? "automatic" : "by agreement"}${r.period ? ` for ${formatDuration(r.period)}` : ""}${r.notice ? ` unless ${formatDuration(r.notice)} notice is given` : ""}`
      : "none",
  );
  field(out, "agreement", "agreement.timezone", p.timezone, q.timezone, "The time zone");
  field(out, "agreement", "agreement.currency", p.currency, q.currency, "The currency", (v) => v ?? "none");
  field(
    out,
    "agreement",
    "agreement.governingLaw",
    p.governingLaw,
    q.governingLaw,
    "The governing law",
    (v) => v ?? "none",
  );
  field(
    out,
    "agreement",
    "agreement.businessCalendar",
    p.businessCalendar,
    q.businessCalendar,
    "The business calendar",
    (v) => v ?? "none",
  );
}

function service(out: Changes, p: BundleService, q: BundleService, path: string): void {
  const of = named(titleOf(q));
  field(out, "service", `${path}.provider`, p.provider, q.provider, `The provider of ${of}`, (v) => v ?? "none");
  field(out, "service", `${path}.customer`, p.customer, q.customer, `The customer of ${of}`, (v) => v ?? "none");
  if (!same(p.fee, q.fee) || !same(p.feeCharged, q.feeCharged)) {
    const charged = (s: BundleService) => (s.feeCharged ? "the charges paid in each month" : "none");
    const fee = (s: BundleService) =>
      s.fee ? `${formatMoney(s.fee.amount, s.fee.currency)} per ${s.fee.period}` : charged(s);
    const comparable = p.fee && q.fee && p.fee.currency === q.fee.currency && p.fee.period === q.fee.period;
    const verb = comparable
      ? `is ${direction(compareAmounts(p.fee?.amount ?? "0", q.fee?.amount ?? "0"), "raised", "lowered")}`
      : "changes";
    out.add("service", `${path}.fee`, p.fee, q.fee, `The fee for ${of} ${verb} from ${fee(p)} to ${fee(q)}`);
  }
  field(out, "service", `${path}.hours`, p.hours, q.hours, `The service hours of ${of}`, serviceHours);
  const contact = (x: BundleService) => (x as { contact?: string }).contact ?? null;
  field(out, "service", `${path}.contact`, contact(p), contact(q), `The contact for ${of}`, quoteOrNone);
  exclusions(out, `${path}.exclusions`, p.exclusions, q.exclusions, of);
}

function objective(
  out: Changes,
  p: BundleObjective,
  q: BundleObjective,
  path: string,
  before: RuleBundle,
  after: RuleBundle,
): void {
  const of = named(titleOf(q));
  field(out, "objective", `${path}.metric`, p.metric, q.metric, `The metric of ${of}`, (v) => v ?? "none");
  field(out, "objective", `${path}.service`, p.service, q.service, `The service of ${of}`, (v) => v ?? "none");
  if (!same(p.target && strip(p.target), q.target && strip(q.target))) {
    const [from, to] = [p.target, q.target];
    let sentence: string;
    if (from && to && from.comparator === to.comparator && from.value.kind === to.value.kind) {
      const order = compareAmounts(from.value.value, to.value.value);
      // a higher "at least" and a lower "at most" both ask more of the provider
      const stricter = from.comparator === "at least" || from.comparator === "above" ? order < 0 : order > 0;
      sentence = `The target of ${of} is ${stricter ? "raised" : "lowered"} from ${valueText(from.value)} to ${valueText(to.value)}`;
    } else if (from && to)
      sentence = `The target of ${of} changes from ${from.comparator} ${valueText(from.value)} to ${to.comparator} ${valueText(to.value)}`;
    else
      sentence = to
        ? `A target of ${to.comparator} ${valueText(to.value)} is added to ${of}`
        : `The target of ${of} is removed`;
    const budget = budgetChange(p, q);
    out.add("target", `${path}.target`, from, to, budget ? `${sentence}; ${budget}` : sentence);
  }
  if (!same(p.window, q.window))
    out.add(
      "window",
      `${path}.window`,
      p.window,
      q.window,
      `The measurement window of ${of} changes from ${windowText(p.window)} to ${windowText(q.window)}`,
    );
  field(
    out,
    "objective",
    `${path}.maxOutagePerIncident`,
    p.maxOutagePerIncident?.duration ?? null,
    q.maxOutagePerIncident?.duration ?? null,
    `The longest permitted outage per incident for ${of}`,
    durationOrNone,
  );
  field(
    out,
    "objective",
    `${path}.maxTotalOutage`,
    p.maxTotalOutage && strip(p.maxTotalOutage),
    q.maxTotalOutage && strip(q.maxTotalOutage),
    `The permitted total outage for ${of}`,
    (m) => (m ? `${formatDuration(m.duration)} ${perWindow(m.window)}` : "none"),
  );
  field(
    out,
    "objective",
    `${path}.support`,
    p.support && strip(p.support),
    q.support && strip(q.support),
    `The support commitment of ${of}`,
    supportText,
  );
  exclusions(out, `${path}.exclusions`, ownExclusions(p, before), ownExclusions(q, after), of);
}

/** An objective's exclusions after its service's, which are reported with the service. */
function ownExclusions(o: BundleObjective, bundle: RuleBundle): BundleExclusion[] {
  const inherited = bundle.services.find((s) => s.name === o.service)?.exclusions.length ?? 0;
  return o.exclusions.slice(inherited);
}

function budgetChange(p: BundleObjective, q: BundleObjective): string | undefined {
  const common = q.budgets.filter((b) => p.budgets.some((a) => a.days === b.days));
  const chosen = common.find((b) => b.days === 30) ?? common[0];
  const old = chosen && p.budgets.find((a) => a.days === chosen.days);
  if (!chosen || !old || old.seconds === chosen.seconds) return undefined;
  const verb = direction(compareAmounts(old.seconds, chosen.seconds), "rises", "falls");
  const where = chosen.window
    ? `in the window ${chosen.window}`
    : `in a ${chosen.days}-day ${q.window.period === "rolling" ? "window" : q.window.period.replace("calendar ", "")}`;
  return `permitted downtime ${where} ${verb} from ${old.text} to ${chosen.text}`;
}

function exclusions(out: Changes, path: string, p: BundleExclusion[], q: BundleExclusion[], of: string): void {
  keyed(
    out,
    "exclusion",
    path,
    p,
    q,
    (e) => e.cause,
    exclusionText,
    of,
    (e, f, at) => {
      field(out, "exclusion", `${at}.notice`, e.notice, f.notice, `The ${f.cause} notice for ${of}`, durationOrNone);
      field(out, "exclusion", `${at}.allowance`, e.allowance, f.allowance, `The ${f.cause} allowance for ${of}`, (a) =>
        a ? `${formatDuration(a.duration)} ${perWindow(a.window)}` : "unlimited",
      );
    },
  );
}

function exclusionText(e: BundleExclusion): string {
  const cause = e.cause === "customer" ? "customer-caused" : e.cause;
  const details = [
    e.notice ? `on ${formatDuration(e.notice)} notice` : "",
    e.allowance ? `at most ${formatDuration(e.allowance.duration)} ${perWindow(e.allowance.window)}` : "",
  ].filter(Boolean);
  return `The ${cause} exclusion${details.length ? ` (${details.join(", ")})` : ""}`;
}

type Cap = { percent: string; basis: FeeBasis; window: BundleWindow | null } | null;
function cap(out: Changes, path: string, p: Cap, q: Cap, of: string, what: string): void {
  const [a, b] = [p && strip(p), q && strip(q)];
  if (same(a, b)) return;
  const text = (c: NonNullable<Cap>) => `${share(c.percent, c.basis)}${c.window ? ` ${perWindow(c.window)}` : ""}`;
  let sentence: string;
  if (a && b && a.basis === b.basis && same(a.window, b.window))
    sentence = `The cap on the ${what} of ${of} is ${direction(compareAmounts(a.percent, b.percent), "raised", "lowered")} from ${shares(a, b)}${b.window ? ` ${perWindow(b.window)}` : ""}`;
  else if (a && b) sentence = `The cap on the ${what} of ${of} changes from ${text(a)} to ${text(b)}`;
  else
    sentence = b
      ? `A cap of ${text(b)} is added to the ${what} of ${of}`
      : `The cap of ${text(a as NonNullable<Cap>)} on the ${what} of ${of} is removed`;
  out.add("cap", path, p, q, sentence);
}

/** Clause text by sentence: each sentence changed, added or removed, quoted. */
function clauseText(out: Changes, before: string, after: string, path: string, of: string): void {
  const ops = diffSequences(sentencesOf(before), sentencesOf(after), (a, b) => a === b);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op.op === "equal") continue;
    const next = ops[i + 1];
    if (op.op === "delete" && next?.op === "insert") {
      out.add("clause-text", `${path}.text`, op.old, next.new, `In ${of}, ${quote(op.old)} becomes ${quote(next.new)}`);
      i++;
    } else if (op.op === "delete")
      out.add("clause-text", `${path}.text`, op.old, null, `In ${of}, ${quote(op.old)} is deleted`);
    else out.add("clause-text", `${path}.text`, null, op.new, `In ${of}, ${quote(op.new)} is added`);
  }
}

/** Time-slice downtime as the contract's words (`a 1 minute slice with an error rate above 5%`), or null. */
function sliceText(slice: BundleMetric["downtimeSlice"]): string | null {
  return slice ? `a ${slice.length.text} slice with an error rate ${slice.comparison} ${slice.threshold}%` : null;
}
