/**
 * A small reader for bundle-types.ts and for the JSON Schema, both turned into one comparable
 * "shape" so a test can prove that the types and the schema describe the same bundle: the same
 * properties in the same order, the same optional ones, the same literals, nulls and arrays.
 * It reads only the TypeScript this file uses: interfaces, type aliases, unions, intersections,
 * arrays, object literals, string literals, `typeof CONST` and the primitive types.
 */

export type Shape =
  | { k: "string" }
  | { k: "number" }
  | { k: "boolean" }
  | { k: "null" }
  | { k: "literal"; value: string }
  | { k: "array"; items: Shape }
  | { k: "object"; props: { name: string; optional: boolean; shape: Shape }[] }
  | { k: "union"; of: Shape[] }
  | { k: "intersection"; of: Shape[] }
  | { k: "ref"; name: string };

// ---------------------------------------------------------------------------------------------
// TypeScript

interface Token {
  kind: "ident" | "string" | "punct";
  text: string;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)|([A-Za-z_$][A-Za-z0-9_$]*)|"((?:[^"\\\n]|\\.)*)"|([{}()[\]|&;:,?=<>.])/y;
  let index = 0;
  while (index < source.length) {
    re.lastIndex = index;
    const m = re.exec(source);
    if (!m) throw new Error(`cannot read TypeScript at: ${source.slice(index, index + 40)}`);
    if (m[1] !== undefined) tokens.push({ kind: "ident", text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: "string", text: JSON.parse(`"${m[2]}"`) });
    else if (m[3] !== undefined) tokens.push({ kind: "punct", text: m[3] });
    index = re.lastIndex;
  }
  return tokens;
}

export interface TsDeclarations {
  types: Map<string, Shape>;
  consts: Map<string, string>;
}

export function readTypeScript(source: string): TsDeclarations {
  const tokens = tokenize(source);
  let i = 0;
  const peek = (text?: string) => (text === undefined ? tokens[i] : tokens[i]?.text === text ? tokens[i] : undefined);
  const next = () => tokens[i++];
  const expect = (text: string) => {
    const t = next();
    if (!t || t.text !== text) throw new Error(`expected '${text}', got '${t?.text}' (token ${i})`);
    return t;
  };
  const types = new Map<string, Shape>();
  const consts = new Map<string, string>();

  const members = (): Shape => {
    expect("{");
    const props: { name: string; optional: boolean; shape: Shape }[] = [];
    while (!peek("}")) {
      const name = next().text;
      const optional = peek("?") !== undefined;
      if (optional) next();
      expect(":");
      const shape = type();
      props.push({ name, optional, shape });
      if (peek(";") || peek(",")) next();
    }
    expect("}");
    return { k: "object", props };
  };

  const primary = (): Shape => {
    const t = next();
    if (t.kind === "string") return { k: "literal", value: t.text };
    if (t.text === "{") {
      i--;
      return members();
    }
    if (t.text === "(") {
      const inner = type();
      expect(")");
      return inner;
    }
    if (t.text === "typeof") {
      const name = next().text;
      const value = consts.get(name);
      if (value === undefined) throw new Error(`typeof ${name}: no such const`);
      return { k: "literal", value };
    }
    if (t.text === "string" || t.text === "number" || t.text === "boolean" || t.text === "null") {
      return { k: t.text } as Shape;
    }
    if (t.kind === "ident") return { k: "ref", name: t.text };
    throw new Error(`unexpected '${t.text}'`);
  };

  const postfix = (): Shape => {
    let shape = primary();
    while (peek("[") && tokens[i + 1]?.text === "]") {
      i += 2;
      shape = { k: "array", items: shape };
    }
    return shape;
  };

  const intersection = (): Shape => {
    const parts = [postfix()];
    while (peek("&")) {
      next();
      parts.push(postfix());
    }
    return parts.length === 1 ? parts[0] : { k: "intersection", of: parts };
  };

  const type = (): Shape => {
    if (peek("|")) next();
    const parts = [intersection()];
    while (peek("|")) {
      next();
      parts.push(intersection());
    }
    return parts.length === 1 ? parts[0] : { k: "union", of: parts };
  };

  while (i < tokens.length) {
    const t = next();
    if (t.text !== "export") continue;
    const kind = next().text;
    if (kind === "const") {
      const name = next().text;
      expect("=");
      const value = next();
      if (value.kind === "string") consts.set(name, value.text);
    } else if (kind === "interface") {
      const name = next().text;
      types.set(name, members());
    } else if (kind === "type") {
      const name = next().text;
      expect("=");
      types.set(name, type());
      if (peek(";")) next();
    }
  }
  return { types, consts };
}

// ---------------------------------------------------------------------------------------------
// JSON Schema

type Json = { [key: string]: unknown };

export function readSchema(schema: Json): { root: Shape; defs: Map<string, Shape> } {
  const defs = new Map<string, Shape>();
  const convert = (s: Json): Shape => {
    if (typeof s.$ref === "string") return { k: "ref", name: s.$ref.replace(/^#\/\$defs\//, "") };
    if ("const" in s) return s.const === null ? { k: "null" } : { k: "literal", value: String(s.const) };
    if (Array.isArray(s.enum)) {
      return {
        k: "union",
        of: s.enum.map((v): Shape => (v === null ? { k: "null" } : { k: "literal", value: String(v) })),
      };
    }
    const alternatives = (s.oneOf ?? s.anyOf) as Json[] | undefined;
    if (alternatives) return { k: "union", of: alternatives.map(convert) };
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    const shapes = types.map((t): Shape => {
      switch (t) {
        case "string":
          return { k: "string" };
        case "integer":
        case "number":
          return { k: "number" };
        case "boolean":
          return { k: "boolean" };
        case "null":
          return { k: "null" };
        case "array":
          return { k: "array", items: convert(s.items as Json) };
        case "object": {
          const properties = (s.properties ?? {}) as Record<string, Json>;
          const required = new Set((s.required ?? []) as string[]);
          return {
            k: "object",
            props: Object.entries(properties).map(([name, p]) => ({
              name,
              optional: !required.has(name),
              shape: convert(p),
            })),
          };
        }
        default:
          throw new Error(`schema type ${String(t)} not understood`);
      }
    });
    return shapes.length === 1 ? shapes[0] : { k: "union", of: shapes };
  };
  for (const [name, def] of Object.entries((schema.$defs ?? {}) as Record<string, Json>)) defs.set(name, convert(def));
  return { root: convert(schema), defs };
}

// ---------------------------------------------------------------------------------------------
// Comparison

/**
 * The canonical text of a shape with every reference expanded: unions flattened, sorted and
 * deduplicated; object properties in declaration order with `?` for optional ones.
 */
export function canonical(shape: Shape, resolve: (name: string) => Shape | undefined, depth = 0): string {
  if (depth > 50) throw new Error("shape too deep (a cycle?)");
  switch (shape.k) {
    case "string":
    case "number":
    case "boolean":
    case "null":
      return shape.k;
    case "literal":
      return JSON.stringify(shape.value);
    case "array":
      return `${canonical(shape.items, resolve, depth + 1)}[]`;
    case "object":
      return `{${shape.props.map((p) => `${p.name}${p.optional ? "?" : ""}:${canonical(p.shape, resolve, depth + 1)}`).join(",")}}`;
    case "intersection": {
      // An intersection of object types: their properties, in order.
      const props: { name: string; optional: boolean; shape: Shape }[] = [];
      for (const part of shape.of) {
        const resolved = part.k === "ref" ? resolve(part.name) : part;
        if (resolved?.k !== "object") throw new Error("intersection of a non-object type");
        props.push(...resolved.props);
      }
      return canonical({ k: "object", props }, resolve, depth + 1);
    }
    case "ref": {
      const target = resolve(shape.name);
      if (!target) throw new Error(`unknown type ${shape.name}`);
      return canonical(target, resolve, depth + 1);
    }
    case "union": {
      const flat = new Set<string>();
      for (const part of shape.of) {
        const text = canonical(part, resolve, depth + 1);
        if (text.startsWith("(") && text.endsWith(")")) for (const t of splitUnion(text)) flat.add(t);
        else flat.add(text);
      }
      const sorted = [...flat].sort();
      return sorted.length === 1 ? sorted[0] : `(${sorted.join("|")})`;
    }
  }
}

/** Splits `(a|b|{x:(c|d)})` at its top-level bars. */
function splitUnion(text: string): string[] {
  const inner = text.slice(1, -1);
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "(" || c === "{" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]") depth--;
    else if (c === "|" && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}

/** Differences between the TypeScript types and the schema: empty when they agree. */
export function compareTypesWithSchema(tsSource: string, schema: Json, rootType = "RuleBundle"): string[] {
  const ts = readTypeScript(tsSource);
  const js = readSchema(schema);
  const tsResolve = (name: string) => ts.types.get(name);
  const jsResolve = (name: string) => js.defs.get(name);
  const problems: string[] = [];
  for (const [name, def] of js.defs) {
    const tsType = ts.types.get(name);
    if (!tsType) continue; // a schema-only refinement (`decimal`, `date`…), compared where it is used
    const a = canonical(tsType, tsResolve);
    const b = canonical(def, jsResolve);
    if (a !== b) problems.push(`${name}:\n  types:  ${a}\n  schema: ${b}`);
  }
  const rootTs = ts.types.get(rootType);
  if (!rootTs) return [...problems, `no ${rootType} in the types`];
  const a = canonical(rootTs, tsResolve);
  const b = canonical(js.root, jsResolve);
  if (a !== b) problems.push(`${rootType}:\n  types:  ${a}\n  schema: ${b}`);
  return problems;
}
