/** Find all references: every place a declared name is written, in every program that shares its file. */
import type { Location, ReferenceParams } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { occurrences } from "../analysis/names.ts";
import { toLspRange } from "../workspace/text.ts";
import { locateName } from "./locate.ts";

export function references(context: ServerContext, params: ReferenceParams): Location[] {
  const found = locateName(context, params.textDocument.uri, params.position);
  const symbol = found?.name.symbol;
  if (!symbol) return [];
  const programs = context.workspace.programsContaining(symbol.uri);
  return occurrences(programs, symbol)
    .filter((o) => params.context?.includeDeclaration !== false || !o.isDeclaration)
    .map((o) => ({ uri: o.uri, range: toLspRange(o.range) }));
}
