import { describe, expect, it } from "vitest";
import { normalizeUri, pathToUri, uriToPath } from "../src/index.ts";

describe("file URIs", () => {
  it("turn paths into URIs and back, escaping what a URI must", () => {
    const uri = pathToUri("/work/my contracts/hosting#2.sla");
    expect(uri).toBe("file:///work/my%20contracts/hosting%232.sla");
    expect(uriToPath(uri)).toBe("/work/my contracts/hosting#2.sla");
  });

  it("name no path for another scheme or a URI with a host", () => {
    expect(uriToPath("untitled:Untitled-1")).toBeUndefined();
    expect(uriToPath("https://example.com/x.sla")).toBeUndefined();
    expect(uriToPath("file://server/share/x.sla")).toBeUndefined();
  });

  it("normalise a file URI's escapes and keep any other URI as it is", () => {
    expect(normalizeUri("file:///work/a%2Db.sla")).toBe("file:///work/a-b.sla");
    expect(normalizeUri("untitled:Untitled-1")).toBe("untitled:Untitled-1");
  });
});
