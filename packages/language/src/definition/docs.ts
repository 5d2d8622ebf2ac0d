/** Hover and completion text for a construct of the language. */
export interface KeywordDoc {
  /** How the construct is written. */
  syntax: string;
  /** What it means. */
  meaning: string;
}
