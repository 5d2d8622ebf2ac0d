/** The parties: who makes the agreement, each with its defined role. */
import type { Clause } from "../document.ts";
import { lettered, paragraph } from "../document.ts";
import type { RenderContext } from "../context.ts";
import { md, raw } from "../escape.ts";
import { defined, titleOf } from "../phrases.ts";

export function partiesSection(ctx: RenderContext): Clause[] {
  const parties = ctx.bundle.parties;
  if (parties.length === 0) return [];
  const items = parties.map((p) => {
    let text = md`**${titleOf(p)}**`;
    if (p.address) text = md`${text} of ${p.address}`;
    const role =
      p.role === "provider"
        ? ctx.singleProvider()
          ? md` (the ${defined("Provider")})`
          : md` (a ${defined("Provider")})`
        : p.role === "customer"
          ? ctx.singleCustomer()
            ? md` (the ${defined("Customer")})`
            : md` (a ${defined("Customer")})`
          : raw("");
    const contact = p.contact ? md`, whose contact for this Agreement is ${p.contact}` : raw("");
    return md`${text}${role}${contact}`;
  });
  const intro = ctx.bundle.agreement
    ? md`This ${titleOf(ctx.bundle.agreement)} (the ${defined("Agreement")}) is made between:`
    : raw("The parties are:");
  const blocks = lettered(items);
  const last = blocks[blocks.length - 1];
  if (last.kind === "paragraph" && parties.length > 1) {
    last.text = raw(`${last.text.text.replace(/\.$/, ",")}`);
    blocks.push(paragraph(md`each a ${defined("Party")} and together the ${defined("Parties")}.`));
  }
  return [{ blocks: [paragraph(intro), ...blocks] }];
}
