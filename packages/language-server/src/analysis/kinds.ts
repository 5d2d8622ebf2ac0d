/** How each kind of declaration shows in outlines, completion lists and colouring. */
import { type DeclarationKind, uriFileName } from "@sla/language";
import { CompletionItemKind, SymbolKind } from "vscode-languageserver";

export const SYMBOL_KIND: Record<DeclarationKind, SymbolKind> = {
  agreement: SymbolKind.Package,
  party: SymbolKind.Class,
  calendar: SymbolKind.Event,
  service: SymbolKind.Module,
  metric: SymbolKind.Field,
  objective: SymbolKind.Interface,
  remedy: SymbolKind.Function,
  incentive: SymbolKind.Function,
  reporting: SymbolKind.Object,
  clause: SymbolKind.String,
};

export const COMPLETION_KIND: Record<DeclarationKind, CompletionItemKind> = {
  agreement: CompletionItemKind.Module,
  party: CompletionItemKind.Class,
  calendar: CompletionItemKind.Event,
  service: CompletionItemKind.Module,
  metric: CompletionItemKind.Field,
  objective: CompletionItemKind.Interface,
  remedy: CompletionItemKind.Function,
  incentive: CompletionItemKind.Function,
  reporting: CompletionItemKind.Struct,
  clause: CompletionItemKind.Text,
};

/** "an objective", "a party". */
export function withArticle(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** The last segment of a URI, for messages: `parties.sla`. */
export const fileName = uriFileName;
