/**
 * The few shapes the bundle's definition repeats, on top of TypeBox. Every object is closed
 * (`additionalProperties: false`): a reader can rely on knowing every field.
 */
import {
  type SchemaOptions,
  type Static,
  type TNull,
  type TObject,
  type TProperties,
  type TSchema,
  type TUnion,
  type TUnsafe,
  Type,
  TypeGuard,
} from "@sinclair/typebox";

/**
 * Marks a schema as a named definition: `bundleSchema` writes it once under `$defs` and refers to
 * it by `$ref` wherever it is used. A symbol, so it survives TypeBox's copies (`Type.Optional`)
 * and never reaches the JSON.
 */
export const DEFINITION_NAME: unique symbol = Symbol("sla.bundle.definition");

export type Named<T extends TSchema> = T & { [DEFINITION_NAME]: string };

/** Every named definition as declared, by name: what `$defs` is written from. */
export const DEFINITIONS = new Map<string, TSchema>();

export function named<T extends TSchema>(name: string, schema: T): Named<T> {
  if (DEFINITIONS.has(name)) throw new Error(`the bundle's definition names '${name}' twice`);
  const definition = Object.assign(schema, { [DEFINITION_NAME]: name });
  DEFINITIONS.set(name, definition);
  return definition;
}

/** The same schema with a description of its own at this place (written beside the `$ref`). */
export function described<T extends TSchema>(schema: T, description: string): T {
  return { ...schema, description };
}

/** An object with exactly these properties, in this order (the order the compiler writes them). */
export function Closed<T extends TProperties>(properties: T, options: SchemaOptions = {}): TObject<T> {
  return Type.Object(properties, { ...options, additionalProperties: false });
}

/** One of a fixed set of strings, as one `enum` (TypeBox's literal union would be an `anyOf` of `const`s). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: "string", enum: [...values] });
}

/** The value or `null`: most absent values are written as `null` (a reader sees every field), not left out. */
export function Nullable<T extends TSchema>(schema: T, options: SchemaOptions = {}): TUnion<[T, TNull]> {
  return Type.Union([schema, Type.Null()], options);
}

/**
 * Marks a field as the value of one language property, by its kind as the language names it
 * (`claim`, `notice`, `sole remedy`): the compiler copies every such field from the declaration
 * with one converter per value kind, so the field is its own compiler mapping. A symbol, like
 * `DEFINITION_NAME`: it never reaches the JSON Schema.
 */
export const FROM_PROPERTY: unique symbol = Symbol("sla.bundle.fromProperty");

export type FromProperty<T extends TSchema = TSchema, P extends string = string> = T & { readonly [FROM_PROPERTY]: P };

/**
 * The field holds the property's one value (a property without a value: whether it is given).
 * Wrap the outermost schema (`fromProperty("claim", Nullable(BundleDuration))`): absent, an
 * optional field is left out and a nullable one is `null`.
 */
export function fromProperty<const P extends string, T extends TSchema>(property: P, schema: T): FromProperty<T, P> {
  // a copy, so a shared named definition is never marked
  return { ...schema, [FROM_PROPERTY]: property };
}

/** The fields of an object read from a language property, in the object's order. */
export function propertyFields(
  schema: TObject,
): { field: string; property: string; schema: TSchema; optional: boolean }[] {
  return Object.entries(schema.properties).flatMap(([field, inner]) => {
    const property = (inner as Partial<FromProperty>)[FROM_PROPERTY];
    return property === undefined ? [] : [{ field, property, schema: inner, optional: TypeGuard.IsOptional(inner) }];
  });
}

type MappedKeys<P extends TProperties> = {
  [K in keyof P]: P[K] extends { readonly [FROM_PROPERTY]: string } ? K : never;
}[keyof P];

/** What the compiler writes by hand of an object: every field not read from a property. */
export type Unmapped<S extends TObject> = S extends TObject<infer P> ? Omit<Static<S>, MappedKeys<P>> : never;
