/** A SQL engine the generated queries run on: each row an object of column name to value. */
export interface SqlRunner {
  /** Runs the statements; the rows of the last one. BIGINT columns arrive as bigint. */
  all(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
  /**
   * Whether any of the files holds any of the texts (a runner that reads local files answers;
   * without it, the SQL engine does not take the one-pass read, which needs the answer).
   */
  filesContain?(files: string[], texts: string[]): Promise<boolean>;
}

/** The SQL engine is not installed or failed to start. */
export class SqlEngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlEngineError";
  }
}
