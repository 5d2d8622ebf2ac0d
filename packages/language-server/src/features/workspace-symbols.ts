/** Workspace symbols: every named declaration of the workspace's files and what they import, by fuzzy name. */
import { declarationsOf } from "@sla/language";
import type { SymbolInformation, WorkspaceSymbolParams } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { SYMBOL_KIND } from "../analysis/kinds.ts";
import { toLspRange } from "../workspace/text.ts";

const LIMIT = 500;

export function workspaceSymbols(context: ServerContext, params: WorkspaceSymbolParams): SymbolInformation[] {
  const { workspace } = context;
  const query = String(params.query ?? "").toLowerCase();
  const uris = new Set([...workspace.roots(), ...workspace.parseCache.keys()]);
  const scored: { score: number; symbol: SymbolInformation }[] = [];
  for (const uri of uris) {
    const parsed = workspace.parsed(uri);
    if (!parsed) continue;
    for (const declaration of declarationsOf(parsed.file)) {
      if (!declaration.name) continue;
      const score = match(query, declaration.name.text.toLowerCase());
      if (score === undefined) continue;
      scored.push({
        score,
        symbol: {
          name: declaration.name.text,
          kind: SYMBOL_KIND[declaration.kind],
          location: { uri, range: toLspRange(declaration.name.range) },
          containerName: declaration.title ? `${declaration.kind} · ${declaration.title.value}` : declaration.kind,
        },
      });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.symbol.name.localeCompare(b.symbol.name));
  return scored.slice(0, LIMIT).map((s) => s.symbol);
}

/** Lower is better: a prefix beats a substring beats letters in order; undefined when the letters are not there in order. */
function match(query: string, name: string): number | undefined {
  if (query === "") return 0;
  if (name.startsWith(query)) return 0;
  const at = name.indexOf(query);
  if (at >= 0) return 1 + at / 100;
  let i = 0;
  let gaps = 0;
  for (let j = 0; j < name.length && i < query.length; j++) {
    if (name[j] === query[i]) i++;
    else if (i > 0) gaps++;
  }
  return i === query.length ? 2 + gaps / 100 : undefined;
}
