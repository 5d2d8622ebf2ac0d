/** The parties: who makes the agreement, each with its defined role. */
import type { BundleAgreement, BundleParty } from "../../bundle-types.ts";
import type { RenderContext } from "../context.ts";
import type { Clause } from "../document.ts";
import { clause, lettered, paragraph } from "../document.ts";
import { type Markdown, md, raw } from "../escape.ts";
import { formatDate, listAnd } from "../format.ts";
import { defined, quoted, titleOf } from "../phrases.ts";

/** Titles that read as a noun phrase after "This" ("This Nimbus Service Level Agreement"). */
const NOUN_TITLE = /\b(?:agreement|contract|schedule)$/i;

/** "the Master Services Agreement dated 15 January 2026", as the schedule names its master agreement. */
export function masterAgreement(schedule: NonNullable<BundleAgreement["schedule"]>): Markdown {
  const article = /^the\s/i.test(schedule.master) ? "" : "the ";
  const dated = schedule.dated ? md` dated ${formatDate(schedule.dated)}` : raw("");
  return md`${article}${schedule.master}${dated}`;
}

/**
 * How the recital names the agreement: "This Nimbus Service Level Agreement", or, when the title
 * does not read as one ("Type 1 Catalogue Solution Service Levels (major release 1)"), "This
 * agreement, entitled "…",".
 */
function recitalName(agreement: BundleAgreement): Markdown {
  const title = titleOf(agreement);
  return NOUN_TITLE.test(title)
    ? md`This ${title} (the ${defined("Agreement")})`
    : md`This agreement, entitled ${quoted(title)} (the ${defined("Agreement")}),`;
}

export function partiesSection(ctx: RenderContext): Clause[] {
  const parties = ctx.bundle.parties;
  if (parties.length === 0) return [];
  const schedule = ctx.bundle.agreement?.schedule;
  if (schedule) return [scheduleRecital(ctx, schedule)];
  const items = parties.map((p) => {
    let text = md`**${titleOf(p)}**`;
    if (p.address) text = md`${text} of ${p.address}`;
    const role = roleTerm(ctx, p);
    const contact = p.contact ? md`, whose contact for this Agreement is ${p.contact}` : raw("");
    return md`${text}${role}${contact}`;
  });
  const intro = ctx.bundle.agreement
    ? md`${recitalName(ctx.bundle.agreement)} is made between:`
    : raw("The parties are:");
  const blocks = lettered(items);
  const last = blocks[blocks.length - 1];
  if (last.kind === "paragraph" && parties.length > 1) {
    last.text = raw(`${last.text.text.replace(/\.$/, ",")}`);
    blocks.push(paragraph(md`each a ${defined("Party")} and together the ${defined("Parties")}.`));
  }
  return [{ blocks: [paragraph(intro), ...blocks] }];
}

/**
 * A schedule has no recital of parties of its own: one sentence ties it to its master agreement
 * and gives each party the term the schedule calls it by.
 */
function scheduleRecital(ctx: RenderContext, schedule: NonNullable<BundleAgreement["schedule"]>): Clause {
  const named = ctx.bundle.parties.map((p) => md`**${titleOf(p)}**${roleTerm(ctx, p)}`);
  const between = named.length ? md` between ${raw(listAnd(named.map((n) => n.text)))}` : raw("");
  return clause(
    md`This Schedule ${schedule.number} (this ${defined("Schedule")}) forms part of ${masterAgreement(schedule)} (the ${defined("Master Agreement")})${between}.`,
  );
}

/** ` (the "Supplier")`, ` ("AWS")`, ` (the "Provider")`, ` (a "Customer")`: the term a party goes by. */
function roleTerm(ctx: RenderContext, p: BundleParty): Markdown {
  return p.label
    ? p.labelIsName
      ? md` (${defined(p.label)})`
      : md` (the ${defined(p.label)})`
    : p.role === "provider"
      ? ctx.singleProvider()
        ? md` (the ${defined("Provider")})`
        : md` (a ${defined("Provider")})`
      : p.role === "customer"
        ? ctx.singleCustomer()
          ? md` (the ${defined("Customer")})`
          : md` (a ${defined("Customer")})`
        : raw("");
}
