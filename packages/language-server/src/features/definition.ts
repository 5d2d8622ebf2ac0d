/** Go to definition: from a reference to the declaration it names; from an import to the imported file. */
import { importsOf, resolveImportUri } from "@sla/language";
import type { DefinitionParams, LocationLink } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { touches, toLspRange } from "../workspace/text.ts";
import { locate, locateName } from "./locate.ts";

export function definition(context: ServerContext, params: DefinitionParams): LocationLink[] | null {
  const found = locateName(context, params.textDocument.uri, params.position);
  if (found) {
    const symbol = found.name.symbol;
    if (!symbol?.declaration.name) return null;
    return [
      {
        originSelectionRange: toLspRange(found.name.identifier.range),
        targetUri: symbol.uri,
        targetRange: toLspRange(symbol.declaration.range),
        targetSelectionRange: toLspRange(symbol.declaration.name.range),
      },
    ];
  }
  const located = locate(context, params.textDocument.uri, params.position);
  const parsed = located && context.workspace.parsed(located.uri);
  if (!located || !parsed) return null;
  for (const declaration of importsOf(parsed.file)) {
    if (!declaration.path || !touches(declaration.path.range, located.offset)) continue;
    const target = resolveImportUri(context.workspace.host, located.uri, declaration.path.value);
    if (context.workspace.text(target) === undefined) return null;
    const start = { line: 0, character: 0 };
    return [
      {
        originSelectionRange: toLspRange(declaration.path.range),
        targetUri: target,
        targetRange: { start, end: start },
        targetSelectionRange: { start, end: start },
      },
    ];
  }
  return null;
}
