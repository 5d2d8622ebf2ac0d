import { describe, expect, it } from "vitest";
import { formatMoney, groupDigits, minorUnits } from "../src/index.ts";

describe("money as people read it", () => {
  it("groups digits and pads to the currency's minor unit", () => {
    expect(formatMoney("12000", "GBP")).toBe("GBP 12,000.00");
    expect(formatMoney("1800.5", "EUR")).toBe("EUR 1,800.50");
    expect(formatMoney("1234567", "JPY")).toBe("JPY 1,234,567");
    expect(formatMoney("1.5", "KWD")).toBe("KWD 1.500");
  });

  it("keeps more decimals than the minor unit as written: a contract's amount is never rounded", () => {
    expect(formatMoney("1000.3333", "GBP")).toBe("GBP 1,000.3333");
  });

  it("returns what is not a plain decimal as written, for the caller to escape", () => {
    expect(formatMoney("1e3", "GBP")).toBe("GBP 1e3");
    expect(groupDigits("-5")).toBe("-5");
  });

  it("knows the minor units the engine rounds credits to, whatever the code's case", () => {
    expect([minorUnits("GBP"), minorUnits("JPY"), minorUnits("BHD"), minorUnits("CLF"), minorUnits("jpy")]).toEqual([
      2, 0, 3, 4, 0,
    ]);
  });
});
