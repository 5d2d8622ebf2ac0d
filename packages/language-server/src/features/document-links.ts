/** Document links: each import's path opens the imported file (when it exists). */
import { importsOf, resolveImportUri } from "@sla/language";
import type { DocumentLink, DocumentLinkParams } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { locate } from "./locate.ts";

export function documentLinks(context: ServerContext, params: DocumentLinkParams): DocumentLink[] {
  const located = locate(context, params.textDocument.uri);
  const parsed = located && context.workspace.parsed(located.uri);
  if (!located || !parsed) return [];
  const links: DocumentLink[] = [];
  for (const declaration of importsOf(parsed.file)) {
    const path = declaration.path;
    if (!path) continue;
    const target = resolveImportUri(context.workspace.host, located.uri, path.value);
    if (context.workspace.text(target) === undefined) continue;
    // the path without its quotes
    links.push({
      range: located.view.rangeOf(
        path.range.start.offset + 1,
        Math.max(path.range.start.offset + 1, path.range.end.offset - 1),
      ),
      target,
      tooltip: `Open ${path.value}`,
    });
  }
  return links;
}
