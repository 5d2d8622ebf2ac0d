/** The services: who provides each to whom, during which hours, for what fee. */
import type { Clause } from "../document.ts";
import { clause } from "../document.ts";
import type { RenderContext } from "../context.ts";
import { join, type Markdown, md, raw } from "../escape.ts";
import { capitalise, formatMoney } from "../format.ts";
import { defined, titleOf } from "../phrases.ts";

export function servicesSection(ctx: RenderContext): Clause[] {
  return ctx.bundle.services.map((s) => {
    const term = ctx.singleService() ? md` (the ${defined("Service")})` : raw("");
    const provider = raw(capitalise(ctx.party(s.provider, "provider").text));
    const hours =
      s.hours.kind === "24x7" ? raw(", 24 hours a day, 7 days a week") : md` during ${ctx.calendar(s.hours.calendar)}`;
    const sentences: Markdown[] = [
      md`${provider} shall provide **${titleOf(s)}**${term} to ${ctx.party(s.customer, "customer")}${hours}.`,
    ];
    if (s.fee) {
      sentences.push(
        md`${raw(capitalise(ctx.party(s.customer, "customer").text))} shall pay ${ctx.party(s.provider, "provider")} a fee of ${formatMoney(s.fee.amount, s.fee.currency)}${perUnit(s.feeUnit)} per ${s.fee.period} for ${ctx.service(s.name)}.`,
      );
    }
    if (s.feeCharged) {
      sentences.push(
        md`${raw(capitalise(ctx.party(s.customer, "customer").text))} shall pay ${ctx.party(s.provider, "provider")} the charges for ${ctx.service(s.name)}${forEachUnit(s.feeUnit)} in each calendar ${s.feeCharged.period}.`,
      );
    }
    if (s.contact) sentences.push(md`The contact for ${ctx.service(s.name)} is ${s.contact}.`);
    return clause(join(sentences, " "));
  });
}

/** ` per instance`: a fee stated for each unit of the service. */
function perUnit(unit: string | undefined): Markdown {
  return unit ? md` per ${unit}` : raw("");
}

/** ` for each instance`: charges for each unit of the service. */
function forEachUnit(unit: string | undefined): Markdown {
  return unit ? md` for each ${unit}` : raw("");
}
