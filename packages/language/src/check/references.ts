/** Where a declaration names another, and which kinds of declaration each such place accepts. */
import type { Declaration, DeclarationKind, HoursSpec, Identifier, Property } from "../syntax/ast.ts";

export interface ReferenceSite {
  identifier: Identifier;
  /** The kind of declaration this place needs. */
  expected: DeclarationKind;
  /** The property the reference sits in, for messages and completion. */
  property: Property;
}

function hours(spec: HoursSpec | undefined): Identifier | undefined {
  return spec?.kind === "Identifier" ? spec : undefined;
}

export function referenceSites(declaration: Declaration): ReferenceSite[] {
  const sites: ReferenceSite[] = [];
  const add = (identifier: Identifier | undefined, expected: DeclarationKind, property: Property) => {
    if (identifier) sites.push({ identifier, expected, property });
  };
  for (const p of declaration.properties) {
    switch (p.kind) {
      case "business calendar":
        add(p.calendar, "calendar", p);
        break;
      case "provider":
      case "customer":
        add(p.party, "party", p);
        break;
      case "hours":
        add(hours(p.hours), "calendar", p);
        break;
      case "response":
      case "resolution":
        add(hours(p.during), "calendar", p);
        break;
      case "service":
        add(p.service, "service", p);
        break;
      case "metric":
        add(p.metric, "metric", p);
        break;
      case "for":
        add(p.objective, "objective", p);
        break;
      case "report":
        for (const objective of p.objectives) add(objective, "objective", p);
        break;
    }
  }
  return sites;
}
