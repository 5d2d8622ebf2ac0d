/**
 * Completion that knows where the cursor is:
 * - inside a declaration, the keywords (and multi-word phrases) the grammar accepts there;
 * - where a name is needed, the declared names of the right kind (metrics after `metric`,
 *   calendars after `hours`/`during`/`business calendar`, parties after `provider`/`customer`,
 *   services after `service`, objectives after `for`/`report`), currency codes after `currency`;
 * - after a number, the units that turn it into a duration (and `%` where a percentage fits);
 * - time zones inside `timezone "…"`;
 * - between declarations, the definition's snippets for each kind of declaration (SNIPPETS), with
 *   the contract's own names in their name tab stops (analysis/snippets.ts).
 * The tokens come from the document's current (incremental) parse; the names from its latest
 * checked program plus the declarations of its current text, so typing never waits for a check.
 */
import {
  type CheckedProgram,
  type DeclarationKind,
  DURATION_UNITS,
  declarationsOf,
  NAME_SLOT_RULES,
  type ParseResult,
  propertyOf,
  SNIPPETS,
  tokens as tokenTypes,
} from "@sla/language";
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  type CompletionParams,
  InsertTextFormat,
  MarkupKind,
  type Range,
} from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { assist, declarationContext, keywordPhrases, type Suggestion } from "../analysis/assist.ts";
import { DECLARATION_DOCS, docMarkdown, type KeywordDoc, PROPERTY_DOCS, WORD_DOCS } from "../analysis/keyword-docs.ts";
import { COMPLETION_KIND, fileName } from "../analysis/kinds.ts";
import { type NameProposer, snippetText } from "../analysis/snippets.ts";
import { isKeyword, type Token, tokenAt, tokenEnd, tokensBefore } from "../analysis/tokens.ts";
import type { TextView } from "../workspace/text.ts";
import { locate } from "./locate.ts";

/**
 * Which kind of declaration a name in each rule refers to: the definition's name slots, plus the
 * `hoursSpec` value (a calendar) and the currency code, which is offered as a name too.
 */
const NAME_RULES: Record<string, DeclarationKind | "currency"> = {
  ...NAME_SLOT_RULES,
  hoursSpec: "calendar",
  currencyProperty: "currency",
};

const SORT = { name: "0", value: "1", keyword: "2", snippet: "3" } as const;

interface Request {
  context: ServerContext;
  uri: string;
  view: TextView;
  parsed: ParseResult;
  offset: number;
  /** What the edit replaces: the partial word before the cursor. */
  replace: Range;
  snippets: boolean;
}

export function completion(context: ServerContext, params: CompletionParams): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const located = locate(context, params.textDocument.uri, params.position);
  const parsed = located && context.workspace.parsed(located.uri);
  if (!located || !parsed) return empty;
  const { offset, view } = located;

  for (const comment of parsed.file.comments) {
    const { start, end } = comment.range;
    if (start.offset < offset && (offset < end.offset || (offset === end.offset && !comment.block))) return empty;
  }

  const at = tokenAt(parsed.tokens, offset);
  const before = tokensBefore(parsed.tokens, offset);
  let partialToken: Token | undefined;
  if (at && at.startOffset < offset) {
    if (at.tokenType === tokenTypes.StringLiteral || at.tokenType === tokenTypes.TextBlock) {
      const inside = offset < tokenEnd(at) || !/"$/.test(at.image) || at.image === '"';
      if (!inside) return empty;
      return { isIncomplete: false, items: stringCompletions(before, at, view, offset) };
    }
    if (isWord(at)) partialToken = at;
  }
  const preceding = partialToken ? before.filter((t) => t !== partialToken) : before;
  const replaceStart = partialToken ? partialToken.startOffset : offset;
  const request: Request = {
    context,
    uri: located.uri,
    view,
    parsed,
    offset,
    replace: view.rangeOf(replaceStart, offset),
    snippets: context.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
  };

  const declaration = declarationContext(preceding);
  if (!declaration.rule) {
    return { isIncomplete: false, items: topLevel(request) };
  }
  // After `15 ` a unit is what is being written.
  const units = afterNumber(request, declaration.rule, declaration.tokens);
  if (units.length > 0) return { isIncomplete: false, items: units };
  const last = preceding[preceding.length - 1];
  const onNewLine = !last || /[\r\n]/.test(view.text.slice(tokenEnd(last), replaceStart));
  const { suggestions, tokens } = assist(declaration.rule, declaration.tokens, onNewLine);
  const items = [
    ...percentAfterNumber(request, declaration.rule, declaration.tokens),
    ...names(request, suggestions),
    ...keywords(request, declaration.rule, tokens, suggestions),
    ...values(request, suggestions),
  ];
  return { isIncomplete: false, items: dedupe(items) };
}

function isWord(token: Token): boolean {
  return token.tokenType === tokenTypes.Name || isKeyword(token);
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.label}|${item.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ----------------------------------------------------------------------------------------------
// Keywords

function docFor(words: string[]): { title: string; doc: KeywordDoc } | undefined {
  const phrase = words.join(" ");
  for (let n = words.length; n > 0; n--) {
    const key = words.slice(0, n).join(" ");
    const doc = PROPERTY_DOCS[key] ?? WORD_DOCS[key] ?? DECLARATION_DOCS[key];
    if (doc) return { title: key, doc };
  }
  return phrase in WORD_DOCS ? { title: phrase, doc: WORD_DOCS[phrase] } : undefined;
}

function keywords(request: Request, rule: string, tokens: Token[], suggestions: Suggestion[]): CompletionItem[] {
  return keywordPhrases(rule, tokens, suggestions).map((phrase) => {
    const label = phrase.words.join(" ");
    const found = docFor(phrase.words);
    const item: CompletionItem = {
      label,
      kind: CompletionItemKind.Keyword,
      sortText: `${SORT.keyword}${label}`,
      textEdit: { range: request.replace, newText: label },
    };
    if (found) {
      item.detail = found.doc.syntax;
      item.documentation = { kind: MarkupKind.Markdown, value: found.doc.meaning };
    }
    return item;
  });
}

// ----------------------------------------------------------------------------------------------
// Names

interface Candidate {
  name: string;
  kind: DeclarationKind;
  title?: string;
  uri: string;
  line: number;
  role?: string;
}

/** Declared names: the current text's own declarations, and those of the files it imports. */
function candidates(request: Request): Candidate[] {
  const result: Candidate[] = [];
  const own = new Set<string>();
  for (const declaration of declarationsOf(request.parsed.file)) {
    if (!declaration.name) continue;
    own.add(declaration.name.text);
    result.push({
      name: declaration.name.text,
      kind: declaration.kind,
      title: declaration.title?.value,
      uri: request.uri,
      line: declaration.name.range.start.line,
      role: declaration.kind === "party" ? propertyOf(declaration, "role")?.role : undefined,
    });
  }
  let program: CheckedProgram | undefined;
  try {
    program = request.context.workspace.latestProgram(request.uri);
  } catch {
    program = undefined;
  }
  for (const symbol of program?.symbols.values() ?? []) {
    if (symbol.uri === request.uri || own.has(symbol.name)) continue;
    const declaration = symbol.declaration;
    result.push({
      name: symbol.name,
      kind: symbol.kind,
      title: declaration.title?.value,
      uri: symbol.uri,
      line: declaration.name?.range.start.line ?? declaration.range.start.line,
      role: declaration.kind === "party" ? propertyOf(declaration, "role")?.role : undefined,
    });
  }
  return result;
}

function names(request: Request, suggestions: Suggestion[]): CompletionItem[] {
  const wanted = new Map<DeclarationKind | "currency", string>();
  for (const s of suggestions) {
    if (s.tokenType !== tokenTypes.Name) continue;
    const rule = s.ruleStack[s.ruleStack.length - 1];
    const kind = NAME_RULES[rule];
    if (kind) wanted.set(kind, rule);
  }
  if (wanted.size === 0) return [];
  const items: CompletionItem[] = [];
  if (wanted.has("currency")) items.push(...currencies(request));
  const all = candidates(request);
  for (const [kind, rule] of wanted) {
    if (kind === "currency") continue;
    const role = rule === "providerProperty" ? "provider" : rule === "customerProperty" ? "customer" : undefined;
    for (const c of all) {
      if (c.kind !== kind) continue;
      const preferred = role === undefined || c.role === role;
      items.push({
        label: c.name,
        kind: COMPLETION_KIND[c.kind],
        detail: c.title ? `${c.kind} · ${c.title}` : c.kind,
        documentation: `Declared in ${fileName(c.uri)}, line ${c.line}.${c.role ? ` Role: ${c.role}.` : ""}`,
        sortText: `${SORT.name}${preferred ? "0" : "1"}${c.name}`,
        textEdit: { range: request.replace, newText: c.name },
      });
    }
  }
  return items;
}

function currencies(request: Request): CompletionItem[] {
  let codes: string[];
  try {
    codes = Intl.supportedValuesOf("currency");
  } catch {
    codes = ["EUR", "GBP", "USD"];
  }
  return codes.map((code) => ({
    label: code,
    kind: CompletionItemKind.EnumMember,
    detail: "ISO 4217 currency",
    sortText: `${SORT.value}${code}`,
    textEdit: { range: request.replace, newText: code },
  }));
}

// ----------------------------------------------------------------------------------------------
// Values: `24x7`, amounts in the agreement's currency, units after a number

function values(request: Request, suggestions: Suggestion[]): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (suggestions.some((s) => s.tokenType === tokenTypes.Always)) {
    items.push({
      label: "24x7",
      kind: CompletionItemKind.Constant,
      detail: "every hour of every day",
      sortText: `${SORT.value}24x7`,
      textEdit: { range: request.replace, newText: "24x7" },
    });
  }
  if (suggestions.some((s) => s.tokenType === tokenTypes.MoneyLiteral)) {
    const currency = agreementCurrency(request);
    if (currency) {
      items.push({
        label: `${currency} `,
        kind: CompletionItemKind.Unit,
        detail: "an amount in the agreement's currency",
        sortText: `${SORT.value}${currency}`,
        textEdit: { range: request.replace, newText: `${currency} ` },
      });
    }
  }
  return items;
}

function agreementCurrency(request: Request): string | undefined {
  for (const declaration of declarationsOf(request.parsed.file)) {
    if (declaration.kind === "agreement") return propertyOf(declaration, "currency")?.code?.text;
  }
  try {
    const program = request.context.workspace.latestProgram(request.uri);
    for (const symbol of program.symbols.values()) {
      if (symbol.declaration.kind === "agreement") return propertyOf(symbol.declaration, "currency")?.code?.text;
    }
  } catch {
    // no program: no currency to offer
  }
  return undefined;
}

/** Whether the grammar accepts a token of `type` in place of `tokens[at]`. */
function fitsInstead(rule: string, tokens: Token[], at: number, type: Token["tokenType"]): boolean {
  return assist(rule, tokens.slice(0, at), false).suggestions.some((s) => s.tokenType === type);
}

/** After `15 ` (or `15 min`, `5 business d`): the units that make a duration, where a duration fits. */
function afterNumber(request: Request, rule: string, tokens: Token[]): CompletionItem[] {
  let end = tokens.length;
  let business: Token | undefined;
  if (end > 0 && tokens[end - 1].tokenType.name === "Kw_business") {
    business = tokens[end - 1];
    end--;
  }
  const number = tokens[end - 1];
  if (!number || number.tokenType !== tokenTypes.NumberLiteral || tokenEnd(number) >= request.offset) return [];
  if (!fitsInstead(rule, tokens, end - 1, tokenTypes.DurationLiteral)) return [];
  const items: CompletionItem[] = [];
  const singular = number.image === "1";
  {
    const start = business ? business.startOffset : request.view.offsetAt(request.replace.start);
    const range = request.view.rangeOf(start, request.offset);
    for (const unit of DURATION_UNITS) {
      if (business && !unit.startsWith("business")) continue;
      const word = singular ? unit : `${unit}s`;
      items.push({
        label: word,
        kind: CompletionItemKind.Unit,
        detail: `${number.image} ${word}`,
        sortText: `${SORT.value}${DURATION_UNITS.indexOf(unit)}`,
        textEdit: { range, newText: word },
      });
    }
  }
  return items;
}

/** Right after `99.9`: `%`, where a percentage fits. */
function percentAfterNumber(request: Request, rule: string, tokens: Token[]): CompletionItem[] {
  const number = tokens[tokens.length - 1];
  if (!number || number.tokenType !== tokenTypes.NumberLiteral || tokenEnd(number) !== request.offset) return [];
  if (!fitsInstead(rule, tokens, tokens.length - 1, tokenTypes.PercentageLiteral)) return [];
  return [
    {
      label: "%",
      kind: CompletionItemKind.Unit,
      detail: `${number.image}%`,
      sortText: `${SORT.value}%`,
      textEdit: { range: request.view.rangeOf(request.offset, request.offset), newText: "%" },
    },
  ];
}

// ----------------------------------------------------------------------------------------------
// Inside a string: time zones after `timezone`

function stringCompletions(before: Token[], string: Token, view: TextView, offset: number): CompletionItem[] {
  const previous = before.filter((t) => t.startOffset < string.startOffset).at(-1);
  if (previous?.tokenType.name !== "Kw_timezone") return [];
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = ["UTC", "Europe/London"];
  }
  const range = view.rangeOf(
    string.startOffset,
    Math.max(
      offset,
      Math.min(
        tokenEnd(string),
        view.text.indexOf("\n", offset) < 0 ? view.text.length : view.text.indexOf("\n", offset),
      ),
    ),
  );
  return [...new Set(["UTC", ...zones])].map((zone) => ({
    label: zone,
    kind: CompletionItemKind.Value,
    detail: "IANA time zone",
    filterText: `"${zone}"`,
    textEdit: { range, newText: `"${zone}"` },
  }));
}

// ----------------------------------------------------------------------------------------------
// Between declarations

function topLevel(request: Request): CompletionItem[] {
  if (!request.context.options.declarationSnippets) return declarationKeywords(request);
  const all = candidates(request);
  const propose: NameProposer = (kind, role) =>
    all.find((c) => c.kind === kind && (role === undefined || c.role === role))?.name;
  const hasAgreement = all.some((c) => c.kind === "agreement");
  const items: CompletionItem[] = [];
  const today = new Date();
  for (const [keyword, forms] of Object.entries(SNIPPETS)) {
    if (keyword === "agreement" && hasAgreement) continue;
    const doc = DECLARATION_DOCS[keyword];
    // a client without snippets gets each keyword once, not once per form
    for (const snippet of request.snippets ? forms : forms.slice(0, 1)) {
      const item: CompletionItem = {
        label: request.snippets ? snippet.prefix : keyword,
        kind: request.snippets ? CompletionItemKind.Snippet : CompletionItemKind.Keyword,
        detail: request.snippets ? snippet.description : doc.syntax,
        documentation: { kind: MarkupKind.Markdown, value: docMarkdown(keyword, doc) },
        sortText: `${SORT.snippet}${request.snippets ? snippet.prefix : keyword}`,
      };
      if (request.snippets) {
        item.insertTextFormat = InsertTextFormat.Snippet;
        item.textEdit = { range: request.replace, newText: snippetText(snippet, propose, today) };
      } else {
        item.textEdit = { range: request.replace, newText: keyword };
      }
      items.push(item);
    }
  }
  return items;
}

/** The declaration keywords alone, for a client that brings its own declaration snippets. */
function declarationKeywords(request: Request): CompletionItem[] {
  return Object.keys(SNIPPETS).map((word) => ({
    label: word,
    kind: CompletionItemKind.Keyword,
    detail: DECLARATION_DOCS[word].syntax,
    documentation: { kind: MarkupKind.Markdown, value: docMarkdown(word, DECLARATION_DOCS[word]) },
    sortText: `${SORT.keyword}${word}`,
    textEdit: { range: request.replace, newText: word },
  }));
}
