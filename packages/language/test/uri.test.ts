import { describe, expect, it } from "vitest";
import { folderOf, pathToFolderUri, relativeSourcePath, relativeToFolder, uriFileName } from "../src/uri.ts";

describe("relative source paths", () => {
  it("are relative to the root file's folder, with ../ when outside it", () => {
    const root = "file:///work/contracts/main.sla";
    expect(relativeSourcePath(root, root)).toBe("main.sla");
    expect(relativeSourcePath(root, "file:///work/contracts/common/parties.sla")).toBe("common/parties.sla");
    expect(relativeSourcePath(root, "file:///work/shared/parties.sla")).toBe("../shared/parties.sla");
    expect(relativeSourcePath(root, "file:///other/x.sla")).toBe("../../other/x.sla");
  });

  it("decode percent-escapes, compare drive letters without case, and keep foreign URIs", () => {
    expect(relativeSourcePath("file:///c%3A/work/main.sla", "file:///C:/work/my%20file.sla")).toBe("my file.sla");
    expect(relativeSourcePath("file:///work/main.sla", "untitled:Untitled-1")).toBe("untitled:Untitled-1");
    expect(relativeSourcePath("file:///work/main.sla", "https://example.com/x.sla")).toBe("https://example.com/x.sla");
  });

  it("accept a root folder as a URI, a POSIX path or a Windows path", () => {
    expect(folderOf("file:///a/b/c.sla")).toBe("file:///a/b/");
    expect(pathToFolderUri("/work/contracts")).toBe("file:///work/contracts/");
    expect(pathToFolderUri("C:\\work\\contracts")).toBe("file:///C:/work/contracts/");
    expect(pathToFolderUri("file:///work")).toBe("file:///work/");
    expect(relativeToFolder(pathToFolderUri("/work"), "file:///work/contracts/main.sla")).toBe("contracts/main.sla");
  });
});

describe("a URI's file name", () => {
  it("is its last segment, decoded, without query or fragment", () => {
    expect(uriFileName("file:///work/my%20parties.sla")).toBe("my parties.sla");
    expect(uriFileName("file:///work/hosting%232.sla")).toBe("hosting#2.sla");
    expect(uriFileName("file:///work/bad%E0.sla")).toBe("bad%E0.sla");
    expect(uriFileName("untitled:Untitled-1")).toBe("untitled:Untitled-1");
    expect(uriFileName("vscode-vfs://github/o/r/x.sla?ref=main#L1")).toBe("x.sla");
  });
});
