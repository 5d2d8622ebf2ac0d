/** Term, renewal and governing law. */
import type { RenderContext } from "../context.ts";
import { type Clause, clause } from "../document.ts";
import { md, raw } from "../escape.ts";
import { formatDate, formatDuration, possessive } from "../format.ts";

/** Law names that read with an article: "the law of the State of New York". */
const WITH_ARTICLE =
  /^(State|Commonwealth|Province|Republic|Kingdom|Federal|Grand Duchy|Principality|Canton|United|Netherlands|Czech Republic)\b/;

export function termSection(ctx: RenderContext): Clause[] {
  const a = ctx.bundle.agreement;
  if (!a) return [];
  const clauses: Clause[] = [];
  const self = ctx.documentTerm();
  if (a.effective || a.term) {
    const starts = a.effective
      ? md`This ${self} takes effect on ${formatDate(a.effective)}`
      : md`This ${self} takes effect on signature`;
    const term = a.term ? md` and continues for an initial term of ${formatDuration(a.term)}` : raw("");
    clauses.push(clause(md`${starts}${term}.`));
  }
  if (a.renewal) {
    const r = a.renewal;
    const period = r.period
      ? md`a further period of ${formatDuration(r.period)}`
      : raw("a further period of the same length");
    if (r.automatic) {
      const notice = r.notice
        ? md` unless either Party gives the other at least ${possessive(r.notice)} notice of non-renewal before the end of the then-current term`
        : raw(" unless either Party gives the other notice of non-renewal before the end of the then-current term");
      clauses.push(
        clause(
          md`At the end of the initial term and of each renewal period, this ${self} renews automatically for ${period}${notice}.`,
        ),
      );
    } else {
      const notice = r.notice
        ? md`, on notice given at least ${formatDuration(r.notice)} before the end of the then-current term`
        : raw("");
      clauses.push(clause(md`The Parties may agree to renew this ${self} for ${period}${notice}.`));
    }
  }
  if (a.governingLaw) {
    const article = WITH_ARTICLE.test(a.governingLaw) ? "the " : "";
    clauses.push(clause(md`This ${self} is governed by the law of ${article}${a.governingLaw}.`));
  }
  return clauses;
}
