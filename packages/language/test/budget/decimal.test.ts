/** toDecimal keeps the decimal of each text it has parsed (checker rules read the same figures again and again). */
import { describe, expect, it } from "vitest";
import { toDecimal } from "../../src/budget/decimal.ts";

describe("toDecimal", () => {
  it("gives the exact value of a text however often it is asked, past the size of its table", () => {
    // more distinct texts than the table keeps, twice over, so entries are dropped and parsed again
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9000; i++) {
        const text = `${i}.${String(i % 100).padStart(2, "0")}`;
        expect(toDecimal(text).toFixed()).toBe(text.replace(/\.?0+$/, "") || "0");
      }
    }
    expect(toDecimal("99.90").equals(toDecimal("99.9"))).toBe(true);
    expect(toDecimal("0.1").plus(toDecimal("0.2")).toFixed()).toBe("0.3");
  });

  it("leaves a decimal it returned unchanged by arithmetic on it", () => {
    const a = toDecimal("12.5");
    a.times(3).plus(1).div(7);
    expect(toDecimal("12.5").toFixed()).toBe("12.5");
    expect(a.toFixed()).toBe("12.5");
  });
});
