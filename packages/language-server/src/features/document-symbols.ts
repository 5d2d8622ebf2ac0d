/** The outline: one symbol per import and declaration, its properties as children. */
import type { Declaration, ImportDeclaration, Property, Range } from "@sla/language";
import { type DocumentSymbol, type DocumentSymbolParams, SymbolKind } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { SYMBOL_KIND } from "../analysis/kinds.ts";
import { toLspRange } from "../workspace/text.ts";
import { locate } from "./locate.ts";

export function documentSymbols(context: ServerContext, params: DocumentSymbolParams): DocumentSymbol[] {
  const located = locate(context, params.textDocument.uri);
  const parsed = located && context.workspace.parsed(located.uri);
  if (!located || !parsed) return [];
  const text = located.view.text;
  return parsed.file.items.map((item) => (item.kind === "import" ? importSymbol(item) : declarationSymbol(item, text)));
}

function symbol(
  name: string,
  detail: string,
  kind: SymbolKind,
  range: Range,
  selection: Range | undefined,
): DocumentSymbol {
  const inside = selection && selection.start.offset >= range.start.offset && selection.end.offset <= range.end.offset;
  return {
    name: name || "(unnamed)",
    detail,
    kind,
    range: toLspRange(range),
    selectionRange: toLspRange(inside ? selection : range),
  };
}

function importSymbol(item: ImportDeclaration): DocumentSymbol {
  return symbol(`import "${item.path?.value ?? ""}"`, "", SymbolKind.File, item.range, item.path?.range);
}

function declarationSymbol(declaration: Declaration, text: string): DocumentSymbol {
  const result = symbol(
    declaration.name?.text ?? `(unnamed ${declaration.kind})`,
    declaration.title ? `${declaration.kind} · ${declaration.title.value}` : declaration.kind,
    SYMBOL_KIND[declaration.kind],
    declaration.range,
    declaration.name?.range,
  );
  result.children = declaration.properties.map((p) => propertySymbol(p, text));
  return result;
}

function propertySymbol(property: Property, text: string): DocumentSymbol {
  const rest = text.slice(property.keyword.end.offset, property.range.end.offset).replace(/\s+/g, " ").trim();
  const result = symbol(
    property.kind,
    rest.length > 60 ? `${rest.slice(0, 59)}…` : rest,
    SymbolKind.Property,
    property.range,
    property.keyword,
  );
  if (property.kind === "exclude" && property.properties.length > 0)
    result.children = property.properties.map((p) => propertySymbol(p, text));
  return result;
}
