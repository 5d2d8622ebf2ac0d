/**
 * The binder collects every declaration of a program into one symbol table and links every
 * reference to its declaration. It reports duplicates, unknown names (with the nearest existing
 * name as a fix), references to the wrong kind, and unused declarations.
 */
import { createDiagnostic } from "../diagnostics/catalogue.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoadedProgram } from "../program/program.ts";
import { type Declaration, type DeclarationKind, declarationsOf, type Identifier } from "../syntax/ast.ts";
import { NameDiagnostics } from "./codes.ts";
import { type ReferenceSite, referenceSites } from "./references.ts";
import { closestName } from "./suggest.ts";

export interface SymbolEntry {
  name: string;
  kind: DeclarationKind;
  declaration: Declaration;
  uri: string;
}

export interface Reference extends ReferenceSite {
  uri: string;
  /** The declaration the name resolves to, when it does (even if of the wrong kind). */
  target?: SymbolEntry;
}

export interface Binding {
  symbols: Map<string, SymbolEntry>;
  /** Every declaration with its file, in program order, including duplicates. */
  declarations: { uri: string; declaration: Declaration }[];
  references: Reference[];
  diagnostics: Diagnostic[];
}

const USED_KINDS: DeclarationKind[] = ["party", "calendar", "service", "metric"];

export function bind(program: LoadedProgram): Binding {
  const symbols = new Map<string, SymbolEntry>();
  const declarations: Binding["declarations"] = [];
  const diagnostics: Diagnostic[] = [];

  for (const [uri, file] of program.files) {
    for (const declaration of declarationsOf(file.parsed.file)) {
      declarations.push({ uri, declaration });
      const name = declaration.name;
      if (!name) continue;
      const existing = symbols.get(name.text);
      if (existing) {
        diagnostics.push(
          createDiagnostic(NameDiagnostics.duplicateName, { name: name.text, kind: existing.kind }, uri, name.range, {
            related: [
              {
                uri: existing.uri,
                range: existing.declaration.name!.range,
                message: `'${name.text}' is first declared here`,
              },
            ],
          }),
        );
        continue;
      }
      symbols.set(name.text, { name: name.text, kind: declaration.kind, declaration, uri });
    }
  }

  const references: Reference[] = [];
  const targets: Targets = new Map();
  // for unused declarations: the symbols some reference names as the kind it wants, and the kinds
  // some reference failed to name
  const used = new Set<SymbolEntry>();
  const failedKinds = new Set<DeclarationKind>();
  const suggestions = new Suggestions(symbols);
  for (const { uri, declaration } of declarations) {
    for (const site of referenceSites(declaration)) {
      const target = symbols.get(site.identifier.text);
      targets.set(site.identifier, target ?? null);
      references.push({ identifier: site.identifier, expected: site.expected, property: site.property, uri, target });
      if (target && target.kind === site.expected) used.add(target);
      else failedKinds.add(site.expected);
      if (!target) {
        if (!program.incomplete) diagnostics.push(unresolved(site, uri, suggestions));
      } else if (target.kind !== site.expected) {
        diagnostics.push(
          createDiagnostic(
            NameDiagnostics.wrongKind,
            { name: site.identifier.text, actual: target.kind, expected: site.expected },
            uri,
            site.identifier.range,
            {
              related: [
                {
                  uri: target.uri,
                  range: target.declaration.name!.range,
                  message: `'${target.name}' is declared here`,
                },
              ],
            },
          ),
        );
      }
    }
  }

  const hasAgreement = declarations.some((d) => d.declaration.kind === "agreement");
  // with an import missing, the missing file may be what uses a declaration
  if (hasAgreement && !program.incomplete) {
    // A reference that failed may have meant any unused declaration of its kind: one fault, one diagnostic.
    for (const symbol of symbols.values()) {
      if (!USED_KINDS.includes(symbol.kind)) continue;
      const unused = !used.has(symbol) && !failedKinds.has(symbol.kind) && !isImplicitlyUsed(symbol);
      if (unused) {
        diagnostics.push(
          createDiagnostic(
            NameDiagnostics.unused,
            { kind: symbol.kind, name: symbol.name },
            symbol.uri,
            symbol.declaration.name!.range,
          ),
        );
      }
    }
  }
  const binding: Binding = { symbols, declarations, references, diagnostics };
  targetsByBinding.set(binding, targets);
  return binding;
}

/** Each reference's target by its identifier node; `null` when the name is declared nowhere. */
type Targets = Map<Identifier, SymbolEntry | null>;

const targetsByBinding = new WeakMap<Binding, Targets>();

/**
 * The symbol an identifier names, as a function of a binding. The binder has resolved every
 * reference, and its answers are kept by node: looking a name up again by its text compares texts
 * that lie far apart in a large source, which the model and the rules would do tens of thousands of
 * times per check. An identifier that is no reference site is looked up by its text.
 */
export function symbolResolver(binding: Binding): (identifier: Identifier) => SymbolEntry | undefined {
  const resolver = new SymbolResolver(binding);
  return (identifier) => resolver.symbolOf(identifier);
}

/**
 * `symbolResolver` as an object, for the checker's context and the model, which ask it in their
 * hottest code: its method is the same function in every check, so the code V8 optimises (and
 * inlines it into) stays valid from one check to the next, which a closure made per check is not.
 */
export class SymbolResolver {
  private readonly targets: Targets;
  private readonly symbols: Map<string, SymbolEntry>;

  constructor(binding: Binding) {
    let targets = targetsByBinding.get(binding);
    if (!targets) {
      // a copy of a binding (the checked program spreads it): the same answers, from its references
      targets = new Map();
      for (const reference of binding.references) targets.set(reference.identifier, reference.target ?? null);
      targetsByBinding.set(binding, targets);
    }
    this.targets = targets;
    this.symbols = binding.symbols;
  }

  symbolOf(identifier: Identifier): SymbolEntry | undefined {
    const target = this.targets.get(identifier);
    if (target !== undefined) return target ?? undefined;
    return this.symbols.get(identifier.text);
  }
}

/** A party takes part through its role: every provider and customer of a contract is a party to it. */
function isImplicitlyUsed(symbol: SymbolEntry): boolean {
  return (
    symbol.kind === "party" && symbol.declaration.properties.some((p) => p.kind === "role" && p.role !== undefined)
  );
}

/** Names compared for "did you mean" in one check: thousands of unknown names get a suggestion. */
const SUGGESTION_BUDGET = 2_000_000;

/**
 * "Did you mean" for unknown names, in bounded time. Comparing each unknown name with every name of
 * its kind made a contract with thousands of broken references quadratic (a renamed objective in
 * 16,000 declarations: about a minute); each name is now looked up once, and past the budget an
 * unknown name is reported without a suggestion.
 */
class Suggestions {
  private readonly namesByKind = new Map<string, string[]>();
  private readonly found = new Map<string, string | undefined>();
  private budget = SUGGESTION_BUDGET;

  constructor(private readonly symbols: Map<string, SymbolEntry>) {}

  closest(name: string, kind: string): string | undefined {
    const key = `${kind} ${name}`;
    if (this.found.has(key)) return this.found.get(key);
    let names = this.namesByKind.get(kind);
    if (!names) {
      names = [...this.symbols.values()].filter((s) => s.kind === kind).map((s) => s.name);
      this.namesByKind.set(kind, names);
    }
    let suggestion: string | undefined;
    if (names.length <= this.budget) {
      this.budget -= names.length;
      suggestion = closestName(name, names);
    }
    this.found.set(key, suggestion);
    return suggestion;
  }
}

function unresolved(site: ReferenceSite, uri: string, suggestions: Suggestions): Diagnostic {
  const suggestion = suggestions.closest(site.identifier.text, site.expected);
  return createDiagnostic(
    NameDiagnostics.unresolvedName,
    {
      name: site.identifier.text,
      expected: site.expected,
      suggestion: suggestion ? ` Did you mean '${suggestion}'?` : "",
    },
    uri,
    site.identifier.range,
    {
      fixes: suggestion
        ? [
            {
              title: `Change to '${suggestion}'`,
              edits: [{ uri, range: site.identifier.range, newText: suggestion }],
              preferred: true,
            },
          ]
        : [],
    },
  );
}
