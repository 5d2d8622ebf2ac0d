/** A SQL engine the generated queries run on: each row an object of column name to value. */
export interface SqlRunner {
  /** Runs the statements; the rows of the last one. BIGINT columns arrive as bigint. */
  all(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

/** The SQL engine is not installed or failed to start. */
export class SqlEngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlEngineError";
  }
}
