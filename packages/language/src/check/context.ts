/** What a checking rule may see and do: the program, resolved names, and one place to report. */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoadedProgram } from "../program/program.ts";
import { contractModel } from "../model/build.ts";
import type { ContractModel } from "../model/types.ts";
import type { Declaration, DeclarationKind, Identifier } from "../syntax/ast.ts";
import { type Binding, type SymbolEntry, symbolResolver } from "./binder.ts";

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
  const syntaxErrors = new Set(
    program.diagnostics.filter((d) => d.code.startsWith("SLA1") && d.severity === "error").map((d) => d.uri),
  );
  let declarationsByKind: Map<DeclarationKind, Binding["declarations"]> | undefined;
  const byKind = () => {
    if (!declarationsByKind) {
      declarationsByKind = new Map();
      for (const entry of binding.declarations) {
        const list = declarationsByKind.get(entry.declaration.kind);
        if (list) list.push(entry);
        else declarationsByKind.set(entry.declaration.kind, [entry]);
      }
    }
    return declarationsByKind;
  };
  let model: ContractModel | undefined;
  const symbolOf = symbolResolver(binding);
  const context: RuleContext = {
    program,
    binding,
    // built on first use, inside a rule: a failure is that rule's internal error, not the check's;
    // kept here, since rules ask for it per declaration and a WeakMap lookup each time adds up
    get model() {
      model ??= contractModel(binding);
      return model;
    },
    report,
    // every rule asks for its kinds: the program is sorted by kind once, each caller gets its own copy
    declarations: <K extends DeclarationKind>(kind: K) =>
      (byKind().get(kind)?.slice() ?? []) as {
        uri: string;
        declaration: DeclarationOf<K>;
      }[],
    resolve: <K extends DeclarationKind>(identifier: Identifier | undefined, kind: K) => {
      const symbol: SymbolEntry | undefined = identifier ? symbolOf(identifier) : undefined;
      // the symbol itself (it has the file and the declaration): no object per question
      return symbol && symbol.kind === kind
        ? (symbol as unknown as { uri: string; declaration: DeclarationOf<K> })
        : undefined;
    },
    agreement: () => context.declarations("agreement")[0],
    hasSyntaxErrors: (uri) => syntaxErrors.has(uri),
  };
  return context;
}
