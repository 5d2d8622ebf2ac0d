/** Document highlight: the other places in this file where the name under the cursor is written. */
import { type DocumentHighlight, DocumentHighlightKind, type DocumentHighlightParams } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { occurrences } from "../analysis/names.ts";
import { toLspRange } from "../workspace/text.ts";
import { locateName } from "./locate.ts";

export function documentHighlight(context: ServerContext, params: DocumentHighlightParams): DocumentHighlight[] {
  const found = locateName(context, params.textDocument.uri, params.position);
  if (!found) return [];
  const { name, program, located } = found;
  if (!name.symbol) {
    // An unknown name: highlight where the same unknown name is written in this file.
    return program.references
      .filter((r) => r.uri === located.uri && !r.target && r.identifier.text === name.identifier.text)
      .map((r) => ({ range: toLspRange(r.identifier.range), kind: DocumentHighlightKind.Read }));
  }
  return occurrences([program], name.symbol)
    .filter((o) => o.uri === located.uri)
    .map((o) => ({
      range: toLspRange(o.range),
      kind: o.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
}
