/**
 * The AST types of the properties, read off the definition's shapes at compile time: a value slot
 * is an optional field of its literal's node type, a comma list an array, an enumeration its
 * value, a flag a boolean. syntax/ast.ts exports these under their familiar names, and a test
 * asserts they equal the hand-written forms of the irregular properties.
 */
import type {
  ComparatorNode,
  DateLiteral,
  DaySpan,
  DurationLiteral,
  FeeBasis,
  Frequency,
  HoursSpec,
  Identifier,
  MoneyLiteral,
  NumberLiteral,
  PercentageLiteral,
  Range,
  StringLiteral,
  TargetValue,
  TimeLiteral,
  WindowNode,
} from "../syntax/ast.ts";
import type { PROPERTIES } from "./properties.ts";
import type { ValueKind } from "./shape.ts";

/** The AST node of each value kind (the compiler converts plain values by it). */
export interface ValueTypes {
  string: StringLiteral;
  text: StringLiteral;
  date: DateLiteral;
  time: TimeLiteral;
  duration: DurationLiteral;
  percentage: PercentageLiteral;
  money: MoneyLiteral;
  number: NumberLiteral;
  name: Identifier;
  comparator: ComparatorNode;
  quantity: TargetValue;
  window: WindowNode;
  feeBasis: FeeBasis;
  hoursSpec: HoursSpec;
  frequency: Frequency;
  daySpan: DaySpan;
  weekday: never;
  always: never;
}
// A value kind without an AST type is a compile error here.
type _EveryValueKindHasAType = ValueTypes[ValueKind];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

type FieldOf<E> = E extends { kind: "value"; value: infer V extends ValueKind; field: infer F extends string }
  ? { [K in F]?: ValueTypes[V] }
  : E extends { kind: "list"; value: infer V extends ValueKind; field: infer F extends string }
    ? { [K in F]: ValueTypes[V][] }
    : E extends { kind: "enum"; field: infer F extends string; options: infer O }
      ? { [K in F]?: keyof O & string }
      : E extends { kind: "flag"; field: infer F extends string }
        ? { [K in F]: boolean }
        : E extends { kind: "optional"; elements: infer Inner extends readonly unknown[] }
          ? FieldsOf<Inner>
          : E extends { kind: "choice"; alternatives: readonly (infer A extends readonly unknown[])[] }
            ? FieldsOf<A>
            : Record<never, never>;

type Flatten<T> = { [K in keyof T]: T[K] };

/** The fields a sequence of elements fills. */
export type FieldsOf<Elements extends readonly unknown[]> = UnionToIntersection<FieldOf<Elements[number]>>;

type Definition = (typeof PROPERTIES)[number];

type Row<Rule> = Extract<Definition, { rule: Rule }>;

type Node<Kind, Fields> = Kind extends string
  ? Flatten<
      {
        kind: Kind;
        /** Range of the leading keyword(s), for hovers and narrow diagnostics. */
        keyword: Range;
        range: Range;
        recovered?: boolean;
      } & Fields
    >
  : never;

/** The AST node of a property rule, for each kind it builds. */
export type PropertyNode<Rule extends Definition["rule"]> = Node<
  keyof Row<Rule>["kinds"],
  FieldsOf<Row<Rule>["syntax"]>
>;
