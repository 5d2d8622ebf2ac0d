/**
 * The few shapes the bundle's definition repeats, on top of TypeBox. Every object is closed
 * (`additionalProperties: false`): a reader can rely on knowing every field.
 */
import {
  type SchemaOptions,
  type TNull,
  type TObject,
  type TProperties,
  type TSchema,
  type TUnion,
  type TUnsafe,
  Type,
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
