import { describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { runCli } from "../../cli/run.js";

describe("cchc dispatcher", () => {
  it("prints the usage and exits 2 without a command", async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.stdout).toContain("Cách dùng:");
  });

  it("names an unknown command in Vietnamese and exits 2", async () => {
    const io = memoryIo();
    expect(await runCli(["gop"], io)).toBe(2);
    expect(io.stderr).toContain('Lệnh không hợp lệ: "gop"');
  });

  it.each(["parse", "init", "check", "summary", "merge", "export"])("`cchc %s --help` prints the usage and exits 0", async (cmd) => {
    const io = memoryIo();
    expect(await runCli([cmd, "--help"], io)).toBe(0);
    expect(io.stdout).toContain(`cchc ${cmd} `);
    expect(io.stderr).toBe("");
  });
});
