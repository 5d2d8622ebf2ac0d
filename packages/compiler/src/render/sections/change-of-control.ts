/** Change of Control: the notice a party owes when it is acquired or merges, the other's right, and meanwhile. */
import type { BundleChangeOfControl } from "../../bundle-types.ts";
import type { RenderContext } from "../context.ts";
import { type Clause, clause } from "../document.ts";
import { type Markdown, md, raw } from "../escape.ts";
import { formatDuration } from "../format.ts";

const RIGHTS: Record<BundleChangeOfControl["right"], string> = {
  terminate: "terminate this {self} by notice to {them}",
  renegotiate: "require {them} to renegotiate this {self} in good faith",
  "terminate or renegotiate":
    "terminate this {self} by notice to {them}, or require {them} to renegotiate it in good faith",
};

export function changeOfControlSection(ctx: RenderContext): Clause[] {
  const c = ctx.bundle.agreement?.changeOfControl;
  if (!c) return [];
  const self = ctx.documentTerm();
  const who: Markdown =
    c.party === "either" ? raw("either Party") : c.party === "provider" ? ctx.theProvider() : ctx.theCustomer();
  const other: Markdown =
    c.party === "either" ? raw("the other Party") : c.party === "provider" ? ctx.theCustomer() : ctx.theProvider();
  const clauses: Clause[] = [
    clause(
      md`A ${raw("**Change of Control**")} of a Party occurs when it is acquired by, or merges with, another company, or when control of it otherwise passes to another person. If ${who} undergoes a Change of Control, ${c.party === "either" ? raw("that Party") : who} shall give ${other} written notice of it within ${formatDuration(c.notice)} after it takes effect.`,
    ),
    clause(
      md`Within ${formatDuration(c.window)} after receiving that notice (or, if no notice is given in time, after the date by which it was due), ${other} may ${raw(RIGHTS[c.right].replaceAll("{self}", self).replaceAll("{them}", c.party === "either" ? "that Party" : who.text))}.`,
    ),
  ];
  if (c.meanwhile === "in force") {
    clauses.push(
      clause(
        md`Until that right is exercised or lapses, this ${self} remains in full force and effect: the service levels, Service Credits and every other remedy under it continue to apply.`,
      ),
    );
  }
  return clauses;
}
