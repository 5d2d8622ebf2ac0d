import { describe, expect, it, vi } from "vitest";
import { openDuckDb } from "../src/sql/duckdb.ts";

vi.mock("@duckdb/node-api", () => {
  throw new Error("Cannot find module '@duckdb/node-api'");
});

describe("--engine duckdb without DuckDB installed", () => {
  it("says which package is missing and how to install it", async () => {
    await expect(openDuckDb()).rejects.toThrow(
      /--engine duckdb needs the package @duckdb\/node-api, which is not installed .*npm install @duckdb\/node-api/,
    );
  });
});
