/**
 * The contract's own defined terms against the text that uses them: a term defined that no clause
 * uses (SLA6007), and a term a clause writes as a defined term that nothing defines (SLA6008).
 */
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { Range, StringLiteral } from "../../syntax/ast.ts";
import { customerCausedTerm, isGeneratedTerm, quotedTerms, termKey, usesTerm } from "../../terms.ts";
import { FramingDiagnostics } from "../codes.ts";
import type { Rule, RuleContext } from "../context.ts";
import { broken, damaged, insertPropertyFix, positionOf, textOf } from "./support.ts";

/** The text of every clause, and where it is. */
function clauseTexts(context: RuleContext): { uri: string; literal: StringLiteral }[] {
  const out: { uri: string; literal: StringLiteral }[] = [];
  for (const { uri, declaration } of context.declarations("clause")) {
    for (const p of declaration.properties) if (p.kind === "text" && p.value) out.push({ uri, literal: p.value });
  }
  return out;
}

/** Every string the contract writes: titles, clause text, meanings, downtime wordings… */
function contractStrings(context: RuleContext): StringLiteral[] {
  const out: StringLiteral[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === "object") {
      const literal = node as Partial<StringLiteral>;
      if (literal.kind === "String" && typeof literal.value === "string") out.push(literal as StringLiteral);
      else for (const [key, value] of Object.entries(node)) if (key !== "range" && key !== "keyword") walk(value);
    }
  };
  for (const { declaration } of context.binding.declarations) walk([declaration.title, declaration.properties]);
  return out;
}

/**
 * A term the contract defines itself that nothing in the contract uses: the definition is dead
 * text, or the clauses spell the term differently ("incident" for "Incident"). A term is used in
 * any text the contract writes (clause text, another term's meaning, a downtime wording, a title).
 * A term the written contract also defines itself (`Downtime`) replaces the generated definition,
 * which the generated clauses use.
 */
export const unusedDefinitionRule: Rule = (context) => {
  let strings: StringLiteral[] | undefined;
  for (const { uri, declaration } of context.declarations("agreement")) {
    if (damaged(context, declaration)) continue;
    for (const d of declaration.properties) {
      if (d.kind !== "define" || !d.term || broken(context, d)) continue;
      const term = d.term.value;
      if (isGeneratedTerm(term)) continue;
      strings ??= contractStrings(context);
      const uses = usesTerm(term);
      if (strings.some((s) => s !== d.term && uses(s.value))) continue;
      context.report(createDiagnostic(FramingDiagnostics.unusedDefinition, { term }, uri, d.term.range));
    }
  }
};

/**
 * What the contract defines, by `termKey` (plurals alike): its own definitions and the master
 * agreement's terms, the terms the written contract defines itself, and every declaration's name,
 * title and party label, which a clause may quote to name it (`"Web availability"`, `"Supplier"`).
 */
function knownTerms(context: RuleContext): Set<string> {
  const known = new Set<string>();
  const add = (text: string | undefined) => {
    if (text?.trim()) known.add(termKey(text.trim()));
  };
  for (const { declaration } of context.binding.declarations) {
    add(declaration.name?.text);
    add(declaration.title?.value);
    for (const p of declaration.properties) {
      if (p.kind === "define") add(p.term?.value);
      else if (p.kind === "master terms") for (const t of p.terms) add(t.value);
      else if (declaration.kind === "party" && "value" in p && p.value?.kind === "String") {
        // a label (`called "Client"`), and the Client-Caused Outage should the party be the customer
        add(p.value.value);
        add(customerCausedTerm(p.value.value.trim()));
      }
    }
  }
  return known;
}

/** Where in the file a quoted term is: at `at` in the literal's source text, or the whole literal when it is not found there. */
function termRange(context: RuleContext, uri: string, literal: StringLiteral, at: number, term: string): Range {
  if (at < 0) return literal.range;
  const start = literal.range.start.offset + at;
  return { start: positionOf(context, uri, start), end: positionOf(context, uri, start + term.length) };
}

/**
 * A term a clause (or a definition's meaning) writes as a defined term, in double quotes with its
 * words capitalised, that the contract does not define: no `define`, no master term, not a term
 * the written contract defines itself, nor a name, title or label of the contract. Capitalised
 * words outside quotes are not judged: they are as often names as terms.
 */
export const undefinedTermRule: Rule = (context) => {
  const texts = clauseTexts(context);
  for (const { uri, declaration } of context.declarations("agreement")) {
    for (const p of declaration.properties)
      if (p.kind === "define" && p.meaning) texts.push({ uri, literal: p.meaning });
  }
  if (texts.length === 0) return;
  const known = knownTerms(context);
  const agreement = context.agreement();
  for (const { uri, literal } of texts) {
    if (literal.recovered) continue;
    const written = textOf(context, uri, literal.range);
    // terms come in the order they are first quoted, so each is looked for after the one before
    let cursor = 0;
    for (const term of quotedTerms(literal.value)) {
      if (known.has(termKey(term)) || isGeneratedTerm(term)) continue;
      // the term's characters need no escaping in a string: quotedTerms takes letters, digits, ' and - only
      const fix =
        agreement &&
        insertPropertyFix(
          context,
          agreement.uri,
          agreement.declaration,
          `define "${term}" as "…"`,
          `Define "${term}" in the agreement`,
        );
      const at = written.indexOf(term, cursor);
      if (at >= 0) cursor = at + term.length;
      const range = termRange(context, uri, literal, at, term);
      context.report(
        createDiagnostic(FramingDiagnostics.undefinedTerm, { term }, uri, range, { fixes: fix ? [fix] : [] }),
      );
    }
  }
};
