/** What a checking rule may see and do: the program, resolved names, and one place to report. */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoadedProgram } from "../program/program.ts";
import { contractModel } from "../model/build.ts";
import type { ContractModel } from "../model/types.ts";
import type { Declaration, DeclarationKind, Identifier } from "../syntax/ast.ts";
import { type Binding, type SymbolEntry, SymbolResolver } from "./binder.ts";

export type DeclarationOf<K extends DeclarationKind> = Extract<Declaration, { kind: K }>;

export interface RuleContext {
  program: LoadedProgram;
  binding: Binding;
  /** The resolved contract model: links, dimensions and budgets, each derived once. */
  readonly model: ContractModel;
  report(diagnostic: Diagnostic): void;
  /** Every declaration of a kind, with its file, in program order (duplicates included). */
  declarations<K extends DeclarationKind>(kind: K): { uri: string; declaration: DeclarationOf<K> }[];
  /** The declaration a reference names, only when it exists and is of the kind wanted. */
  resolve<K extends DeclarationKind>(
    identifier: Identifier | undefined,
    kind: K,
  ): { uri: string; declaration: DeclarationOf<K> } | undefined;
  /** The program's agreement, when it has exactly one or more (the first). */
  agreement(): { uri: string; declaration: DeclarationOf<"agreement"> } | undefined;
  /** True when the file has syntax errors: structural rules then stay quiet about missing pieces. */
  hasSyntaxErrors(uri: string): boolean;
}

export type Rule = (context: RuleContext) => void;

export function createRuleContext(
  program: LoadedProgram,
  binding: Binding,
  report: (d: Diagnostic) => void,
): RuleContext {
  return new CheckContext(program, binding, report);
}

/**
 * A class, so that every check's context has the same methods: the rules' optimised code calls
 * (and inlines) them, and a context of functions made per check made each rule's code be thrown
 * away ("wrong call target") and compiled again in the next two checks of a session.
 */
class CheckContext implements RuleContext {
  private readonly syntaxErrors: Set<string>;
  private declarationsByKind: Map<DeclarationKind, Binding["declarations"]> | undefined;
  private built: ContractModel | undefined;
  private readonly symbols: SymbolResolver;

  constructor(
    readonly program: LoadedProgram,
    readonly binding: Binding,
    private readonly sink: (d: Diagnostic) => void,
  ) {
    this.syntaxErrors = new Set(
      program.diagnostics.filter((d) => d.code.startsWith("SLA1") && d.severity === "error").map((d) => d.uri),
    );
    this.symbols = new SymbolResolver(binding);
  }

  // built on first use, inside a rule: a failure is that rule's internal error, not the check's;
  // kept here, since rules ask for it per declaration and a WeakMap lookup each time adds up
  get model(): ContractModel {
    this.built ??= contractModel(this.binding);
    return this.built;
  }

  report(diagnostic: Diagnostic): void {
    this.sink(diagnostic);
  }

  // every rule asks for its kinds: the program is sorted by kind once, each caller gets its own copy
  declarations<K extends DeclarationKind>(kind: K): { uri: string; declaration: DeclarationOf<K> }[] {
    if (!this.declarationsByKind) {
      const byKind = new Map<DeclarationKind, Binding["declarations"]>();
      for (const entry of this.binding.declarations) {
        const list = byKind.get(entry.declaration.kind);
        if (list) list.push(entry);
        else byKind.set(entry.declaration.kind, [entry]);
      }
      this.declarationsByKind = byKind;
    }
    return (this.declarationsByKind.get(kind)?.slice() ?? []) as { uri: string; declaration: DeclarationOf<K> }[];
  }

  resolve<K extends DeclarationKind>(
    identifier: Identifier | undefined,
    kind: K,
  ): { uri: string; declaration: DeclarationOf<K> } | undefined {
    const symbol: SymbolEntry | undefined = identifier ? this.symbols.symbolOf(identifier) : undefined;
    // the symbol itself (it has the file and the declaration): no object per question
    return symbol && symbol.kind === kind
      ? (symbol as unknown as { uri: string; declaration: DeclarationOf<K> })
      : undefined;
  }

  agreement(): { uri: string; declaration: DeclarationOf<"agreement"> } | undefined {
    return this.declarations("agreement")[0];
  }

  hasSyntaxErrors(uri: string): boolean {
    return this.syntaxErrors.has(uri);
  }
}
