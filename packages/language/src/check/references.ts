/**
 * Where a declaration names another, and which kinds of declaration each such place accepts: read
 * off the definition's name slots (src/definition/), so a new property that names a declaration
 * is resolved, checked and offered in completion without code here.
 */
import { REFERENCE_FIELDS } from "../definition/index.ts";
import type { Declaration, DeclarationKind, Identifier, Property } from "../syntax/ast.ts";

export interface ReferenceSite {
  identifier: Identifier;
  /** The kind of declaration this place needs. */
  expected: DeclarationKind;
  /** The property the reference sits in, for messages and completion. */
  property: Property;
}

/** A name, or an `hours` value that is a name rather than `24x7`. */
function asIdentifier(value: unknown): Identifier | undefined {
  return (value as { kind?: string } | undefined)?.kind === "Identifier" ? (value as Identifier) : undefined;
}

export function referenceSites(declaration: Declaration): ReferenceSite[] {
  const sites: ReferenceSite[] = [];
  const properties = declaration.properties;
  // indexed loops: the binder runs this for every declaration of every check
  for (let i = 0; i < properties.length; i++) {
    const property = properties[i];
    const fields = REFERENCE_FIELDS[property.kind];
    if (fields === undefined) continue;
    for (let j = 0; j < fields.length; j++) {
      const { field, names, list } = fields[j];
      const value = (property as unknown as Record<string, unknown>)[field];
      if (!list) {
        const identifier = asIdentifier(value);
        if (identifier) sites.push({ identifier, expected: names, property });
        continue;
      }
      if (value === undefined || value === null) continue;
      for (const item of value as unknown[]) {
        const identifier = asIdentifier(item);
        if (identifier) sites.push({ identifier, expected: names, property });
      }
    }
  }
  return sites;
}
