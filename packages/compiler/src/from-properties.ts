/**
 * The bundle fields that are a plain property's value, copied by one generic step: a field the
 * bundle's definition marks `fromProperty("claim", …)` is its own compiler mapping (see
 * ARCHITECTURE.md, "Adding a property"). Each value kind has one converter; everything else a
 * declaration holds is compiled by hand in `compile.ts` and named there in `COMPILED_BY_HAND`, so a
 * test fails when a property of a declaration reaches neither (nothing is dropped silently).
 */
import {
  BundleAgreement,
  BundleCalendar,
  BundleClause,
  type BundleDuration,
  BundleIncentive,
  BundleMetric,
  BundleObjective,
  BundleParty,
  BundleRemedy,
  BundleReporting,
  BundleService,
  type ObjectSchema,
  propertyFields,
  type Unmapped,
} from "@sla/bundle";
import {
  type Declaration,
  type DeclarationKind,
  type DurationLiteral,
  type Identifier,
  PLAIN_VALUES,
  type ValueNodes,
} from "@sla/language";

/** The bundle object each declaration kind compiles to. */
export const BUNDLE_OBJECTS: Readonly<Record<DeclarationKind, ObjectSchema>> = {
  agreement: BundleAgreement,
  party: BundleParty,
  calendar: BundleCalendar,
  service: BundleService,
  metric: BundleMetric,
  objective: BundleObjective,
  remedy: BundleRemedy,
  incentive: BundleIncentive,
  reporting: BundleReporting,
  clause: BundleClause,
};

/** What a converter may need of the compiler. */
export interface PlainHelpers {
  /** The name, when it refers to a declaration of that kind; `null` otherwise. */
  ref(identifier: Identifier, kind: DeclarationKind): string | null;
  duration(literal: DurationLiteral): BundleDuration | null;
}

type Converter<V extends keyof ValueNodes> = (
  node: ValueNodes[V],
  names: DeclarationKind | undefined,
  helpers: PlainHelpers,
) => unknown;

/** One converter per value kind a plain property may hold; a kind missing here cannot be mapped (a test says so). */
export const CONVERTERS: { readonly [V in keyof ValueNodes]?: Converter<V> } = {
  string: (node) => node.value,
  text: (node) => node.value,
  date: (node) => node.text,
  number: (node) => node.value,
  percentage: (node) => node.value,
  money: (node) => ({ amount: node.amount, currency: node.currency }),
  duration: (node, _names, helpers) => helpers.duration(node),
  // a name that refers to a declaration is written only when it does; any other name as written
  name: (node, names, helpers) => (names ? helpers.ref(node, names) : node.text),
  frequency: (node) => node,
};

/**
 * The value of a plain property of a declaration as its bundle field holds it: `undefined` when
 * the property (or its value) is not given, `true`/`false` for a property without a value.
 */
export function plainValue(declaration: Declaration, kind: string, helpers: PlainHelpers): unknown {
  const plain = PLAIN_VALUES[kind];
  if (plain === undefined) throw new Error(`a bundle field is read from '${kind}', which is not a plain property`);
  const node = (declaration.properties as readonly { kind: string }[]).find((p) => p.kind === kind);
  if (plain.field === null || plain.value === null) return node !== undefined;
  const value = (node as Record<string, unknown> | undefined)?.[plain.field];
  if (value === undefined) return undefined;
  const convert = CONVERTERS[plain.value] as Converter<keyof ValueNodes> | undefined;
  if (convert === undefined) throw new Error(`no converter for the value of '${kind}' (${plain.value})`);
  return convert(value as never, plain.names, helpers) ?? undefined;
}

const fieldsOf = new WeakMap<ObjectSchema, ReturnType<typeof propertyFields>>();

/**
 * The bundle object of a declaration: the fields read from properties, the rest as compiled by
 * hand, in the order of the bundle's definition (so the JSON is the same bytes for the same
 * source). An absent value leaves an optional field out and makes any other `null`.
 */
export function withPropertyFields<S extends ObjectSchema>(
  schema: S,
  declaration: Declaration,
  byHand: Unmapped<S>,
  helpers: PlainHelpers,
): S["static"] {
  let fields = fieldsOf.get(schema);
  if (fields === undefined) {
    fields = propertyFields(schema);
    fieldsOf.set(schema, fields);
  }
  const hand = byHand as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const mapped = fields.find((f) => f.field === key);
    if (mapped === undefined) {
      if (key in hand) out[key] = hand[key];
      continue;
    }
    const value = plainValue(declaration, mapped.property, helpers);
    if (value !== undefined) out[key] = value;
    else if (!mapped.optional) out[key] = null;
  }
  return out as S["static"];
}
