/**
 * Defined terms: the ones the written contract defines itself, how a text uses a term, and what a
 * text writes as a defined term. Shared by the compiler (which writes the terms) and the checker
 * (which warns about a term defined but unused, or quoted but never defined), so the two agree.
 */

/**
 * Every term the written contract can define itself, whatever the contract: in the Definitions
 * (Downtime, Monthly Fee…), in the recital (Agreement, Schedule, Master Agreement, Provider,
 * Customer, Party) and in the services section (Service). Terms that come from the contract's
 * own words are not here: party labels (`called "Supplier"`), `<label>-Caused Outage`, calendar
 * and metric titles.
 */
export const GENERATED_TERMS: readonly string[] = Object.freeze([
  "Agreement",
  "Annual Fee",
  "Business Day",
  "Business Hour",
  "Customer",
  "Customer-Caused Outage",
  "Downtime",
  "Force Majeure Event",
  "Master Agreement",
  "Measurement Period",
  "Monthly Fee",
  "Party",
  "Provider",
  "Quarterly Fee",
  "Schedule",
  "Scheduled Maintenance",
  "Scheduled Time",
  "Service",
  "Service Credit",
  "Service Hours",
]);

/** The term for an outage the customer causes, named after what the contract calls the customer. */
export function customerCausedTerm(customer: string): string {
  return `${customer}-Caused Outage`;
}

/** A term and its plural (`Service Credit`, `Service Credits`) share a key; case is ignored. */
export function termKey(term: string): string {
  return term.toLowerCase().replace(/s$/, "");
}

const GENERATED_KEYS = new Set(GENERATED_TERMS.map(termKey));

/** Whether a term reads as one the contract writes itself (`Business Days` reads as `Business Day`). */
export function isGeneratedTerm(term: string): boolean {
  return GENERATED_KEYS.has(termKey(term));
}

/** Whether a text uses `term`: its exact spelling, as a whole word, or its plural (`Incidents`). */
export function usesTerm(term: string): (text: string) => boolean {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:e?s)?(?![\\p{L}\\p{N}])`, "u");
  return (text) => pattern.test(text);
}

/** Small words a defined term may hold between its capitalised words (`Force Majeure Event`, `Period of Service`). */
const JOINING_WORDS = new Set([
  "a",
  "an",
  "and",
  "at",
  "by",
  "for",
  "in",
  "of",
  "on",
  "or",
  "per",
  "the",
  "to",
  "with",
]);
const CAPITALISED = /^\p{Lu}[\p{L}\p{N}'’-]*$/u;
/** Double quotes, straight or curly, around at most 80 characters. */
const QUOTED = /["“]([^"“”]{1,80})["”]/g;
/** The word just before a quotation (`the words: "…"`), read from the text before it. */
const WORD_BEFORE = /(\p{L}+)[^\p{L}]{0,3}$/u;
/** Words that introduce a quotation of words rather than a term: `the words "SLA Credit Request"`. */
const QUOTING_WORDS = new Set([
  "entitled",
  "headed",
  "labeled",
  "labelled",
  "marked",
  "phrase",
  "reading",
  "says",
  "stating",
  "text",
  "titled",
  "word",
  "words",
]);
const MAX_WORDS = 6;

/**
 * The terms a text writes as defined terms: a phrase in double quotes whose words are all
 * capitalised (besides joining words inside it), at most six words, with any emphasis around it
 * left out (`"**Critical Incident**"`). That is how a contract writes a defined term where it
 * defines or cites one; a quoted sentence, a lower-case phrase or a capitalised word outside
 * quotes (a name, the start of a sentence) is not a term, nor is a quotation introduced as words
 * (`the words "SLA Credit Request"`, `marked "Urgent"`). Line breaks read as spaces, as in the
 * written contract. Each term once, in order.
 */
export function quotedTerms(text: string): string[] {
  const out = new Set<string>();
  const line = text.replace(/\s+/g, " ");
  for (const match of line.matchAll(QUOTED)) {
    const before = WORD_BEFORE.exec(line.slice(Math.max(0, match.index - 24), match.index))?.[1];
    if (before && QUOTING_WORDS.has(before.toLowerCase())) continue;
    const term = match[1].replace(/^[*_]+/, "").replace(/[*_]+$/, "");
    const words = term.split(" ");
    if (words.length > MAX_WORDS || words.some((w) => w === "")) continue;
    if (!CAPITALISED.test(words[0]) || !CAPITALISED.test(words[words.length - 1])) continue;
    if (!words.every((w) => CAPITALISED.test(w) || JOINING_WORDS.has(w))) continue;
    out.add(term);
  }
  return [...out];
}
