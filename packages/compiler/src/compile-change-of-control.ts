/** The change-of-control provision as a bundle field; optional, so agreements without one compile as before. */
import type { BundleAgreement, BundleDuration, Source } from "@sla/bundle";
import { type AgreementDeclaration, type DurationLiteral, type Position, propertyOf } from "@sla/language";

export function changeOfControlOf(
  d: AgreementDeclaration,
  source: (position: Position) => Source,
  duration: (literal: DurationLiteral | undefined) => BundleDuration | null,
): Pick<BundleAgreement, "changeOfControl"> {
  const p = propertyOf(d, "change of control");
  const notice = duration(p?.notice);
  const window = duration(p?.window);
  if (!p?.party || !p.right || !notice || !window) return {};
  return {
    changeOfControl: {
      party: p.party,
      notice,
      right: p.right,
      window,
      meanwhile: p.meanwhile ?? null,
      source: source(p.range.start),
    },
  };
}
