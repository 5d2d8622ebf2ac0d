/**
 * The definition's declaration snippets as the server offers them: a tab stop the definition marks
 * as naming a declaration proposes one the contract has (a metric's `service` the first service),
 * and the date variables are resolved here, as not every client knows them.
 */
import type { DeclarationKind, SnippetDefinition } from "@sla/language";

/** The name of a declaration of `kind` the contract has (a party with `role`), if any. */
export type NameProposer = (kind: DeclarationKind, role?: string) => string | undefined;

/** A name placed in snippet text: `$`, `}` and `\` would otherwise be read as snippet syntax. */
function escapeDefault(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

export function snippetText(snippet: SnippetDefinition, propose: NameProposer, today: Date): string {
  const variables: Record<string, string> = {
    CURRENT_YEAR: String(today.getUTCFullYear()),
    CURRENT_MONTH: String(today.getUTCMonth() + 1).padStart(2, "0"),
  };
  return snippet.body
    .join("\n")
    .replace(/\$\{(\d+):([^${}]*)\}/g, (whole, stop: string) => {
      const wanted = snippet.names?.[Number(stop)];
      const name = wanted && propose(wanted.kind, wanted.role);
      return name ? `\${${stop}:${escapeDefault(name)}}` : whole;
    })
    .replace(/\$\{(CURRENT_YEAR|CURRENT_MONTH)\}/g, (_, variable: string) => variables[variable]);
}
