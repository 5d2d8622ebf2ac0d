/**
 * The agreement's change-of-control provision against the `change of control` records: for each,
 * the notice deadline (its duration after the change, business days on the business calendar and
 * months in the agreement's zone, clock changes included), whether notice was given in time, the
 * window of the other party's right (from the notice, or from the deadline when none was given),
 * and which rights are open at the statement instant: the as-of instant, or the end of the report
 * month when that is earlier.
 */
import type { BundleChangeOfControl } from "@sla/bundle";
import type { Context } from "./context.ts";
import type { ChangeOfControlRecord } from "./events.ts";
import type { ChangeOfControlReport } from "./report-types.ts";
import { addDuration } from "./schedule.ts";
import { formatInstant } from "./time.ts";
import { localIso, type Period } from "./windows.ts";

const RIGHTS: Record<BundleChangeOfControl["right"], string[]> = {
  terminate: ["terminate"],
  renegotiate: ["require renegotiation"],
  "terminate or renegotiate": ["terminate", "require renegotiation"],
};

function noticeState(r: ChangeOfControlRecord, due: number, at: number): ChangeOfControlReport["notice"] {
  if (r.notified !== null && r.notified <= at) return r.notified <= due ? "given in time" : "given late";
  return at > due ? "overdue" : "not yet due";
}

function entry(ctx: Context, c: BundleChangeOfControl, r: ChangeOfControlRecord, at: number): ChangeOfControlReport {
  const party = ctx.bundle.parties.find((p) => p.name === r.party);
  const role = party?.role ?? null;
  const covered = c.party === "either" ? role !== null : role === c.party;
  const holders = ctx.bundle.parties.filter((p) => p.role !== null && p.role !== role).map((p) => p.name);
  const due = addDuration(r.at, c.notice, ctx.zone, ctx.businessCalendar);
  const notice = noticeState(r, due, at);
  const notified = r.notified !== null && r.notified <= at ? r.notified : null;
  // the window runs from the notice, or from its deadline when none was given in time to know of
  const opens = notified ?? (at > due ? due : null);
  const closes = opens === null ? null : addDuration(opens, c.window, ctx.zone, ctx.businessCalendar);
  const open = covered && opens !== null && closes !== null && opens <= at && at < closes;
  const rights = open ? RIGHTS[c.right] : [];
  const local = (ms: number | null) => (ms === null ? null : localIso(ms, ctx.zone));
  const who = holders.join(" and ") || "the other party";
  const statement = !covered
    ? role === null
      ? `${r.party} is not a party of this agreement: the change-of-control provision does not apply.`
      : `The provision covers a change of control of the ${c.party}, not of ${r.party} (the ${role}).`
    : open
      ? `${who} may ${rights.join(" or ")} until ${local(closes)}${c.meanwhile === "in force" ? "; the agreement remains in force meanwhile" : ""}.`
      : opens === null
        ? `Notice of ${r.party}'s change of control is due by ${local(due)}; ${who}'s right opens with the notice, or at that deadline.`
        : `${who}'s right closed at ${local(closes)} without being recorded as exercised.`;
  return {
    party: r.party,
    role,
    covered,
    at: formatInstant(r.at),
    atLocal: local(r.at)!,
    noticeDeadline: formatInstant(due),
    noticeDeadlineLocal: local(due)!,
    notified: notified === null ? null : formatInstant(notified),
    notice,
    holders,
    right: c.right,
    windowOpens: opens === null ? null : formatInstant(opens),
    windowCloses: closes === null ? null : formatInstant(closes),
    windowClosesLocal: local(closes),
    statementAt: formatInstant(at),
    openRights: rights,
    inForce: c.meanwhile === "in force" ? true : null,
    statement,
    line: r.line,
  };
}

/** The report's `changeOfControl` entries: one per record up to the statement instant; undefined without a provision. */
export function changeOfControlFor(ctx: Context, month: Period): ChangeOfControlReport[] | undefined {
  const c = ctx.bundle.agreement?.changeOfControl;
  if (c === undefined) return undefined;
  const at = Math.min(ctx.asOf ?? month.end, month.end);
  return (ctx.data.changesOfControl ?? []).filter((r) => r.at < at).map((r) => entry(ctx, c, r, at));
}
