/** The signature block: a column per signing party, providers first. */
import type { RenderContext } from "../context.ts";
import type { SignatureBlock } from "../document.ts";
import { md, raw } from "../escape.ts";
import { titleOf } from "../phrases.ts";

export function signatureBlock(ctx: RenderContext): SignatureBlock | undefined {
  const signing = [...ctx.providers, ...ctx.customers];
  const parties = signing.length ? signing : ctx.bundle.parties;
  // a schedule is signed as part of its master agreement
  if (parties.length === 0 || !ctx.bundle.agreement || ctx.bundle.agreement.schedule) return undefined;
  const head = [
    raw(""),
    ...parties.map((p) =>
      p.label
        ? md`For ${titleOf(p)} (${p.label})`
        : p.role
          ? md`For ${titleOf(p)} (${p.role === "provider" ? "Provider" : "Customer"})`
          : md`For ${titleOf(p)}`,
    ),
  ];
  const rows = ["Signature", "Name", "Position", "Date"].map((label) => [raw(label), ...parties.map(() => raw(""))]);
  return { intro: raw("Signed by the authorised representatives of the Parties:"), head, rows };
}
