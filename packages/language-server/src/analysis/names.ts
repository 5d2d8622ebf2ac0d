/** Which declared name is under the cursor, and where else it is written, across the programs that share it. */
import type { CheckedProgram, Declaration, Identifier, Range, Reference, SymbolEntry } from "@sla/language";
import { touches } from "../workspace/text.ts";

export interface NameAt {
  uri: string;
  /** The name as written under the cursor. */
  identifier: Identifier;
  /** The declaration it denotes, when there is one (for a reference: when it resolves). */
  symbol?: SymbolEntry;
  /** Set when the cursor is on a declaration's own name. */
  declaration?: Declaration;
  /** Set when the cursor is on a reference. */
  reference?: Reference;
}

export function nameAt(program: CheckedProgram, uri: string, offset: number): NameAt | undefined {
  for (const entry of program.declarations) {
    if (entry.uri !== uri || !entry.declaration.name) continue;
    if (!touches(entry.declaration.name.range, offset)) continue;
    const identifier = entry.declaration.name;
    const symbol = program.symbols.get(identifier.text);
    return { uri, identifier, symbol, declaration: entry.declaration };
  }
  for (const reference of program.references) {
    if (reference.uri !== uri || !touches(reference.identifier.range, offset)) continue;
    return { uri, identifier: reference.identifier, symbol: reference.target, reference };
  }
  return undefined;
}

export interface Occurrence {
  uri: string;
  range: Range;
  isDeclaration: boolean;
}

/** Every place `symbol` is declared or referred to, in every program given, each place once. */
export function occurrences(programs: CheckedProgram[], symbol: SymbolEntry): Occurrence[] {
  const seen = new Set<string>();
  const result: Occurrence[] = [];
  const add = (uri: string, range: Range, isDeclaration: boolean) => {
    const key = `${uri}#${range.start.offset}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ uri, range, isDeclaration });
  };
  for (const program of programs) {
    const declared = program.symbols.get(symbol.name);
    if (!declared || declared.uri !== symbol.uri) continue;
    if (declared.declaration.name) add(declared.uri, declared.declaration.name.range, true);
    for (const reference of program.references) {
      if (reference.target?.name === symbol.name && reference.target.uri === symbol.uri)
        add(reference.uri, reference.identifier.range, false);
    }
  }
  return result.sort((a, b) =>
    a.uri === b.uri ? a.range.start.offset - b.range.start.offset : a.uri < b.uri ? -1 : 1,
  );
}
