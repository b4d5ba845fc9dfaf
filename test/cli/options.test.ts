import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readInputFile, writeOutputFile } from "../../cli/files.js";
import { localToday, parseAsOfOption, parseOptions, parseQuarterOption, parseYearOption, quarterOfNow } from "../../cli/options.js";
import { UnusableInputError, UsageError } from "../../shared/errors.js";

describe("period options", () => {
  it.each([
    ["1", 1],
    [" 4 ", 4],
  ])("--quarter %j is %d", (text, q) => expect(parseQuarterOption(text)).toBe(q));

  it.each(["0", "5", "01", "1.0", "I", ""])("--quarter %j is refused", (text) => {
    expect(() => parseQuarterOption(text)).toThrow(UsageError);
    expect(() => parseQuarterOption(text)).toThrow(`Quý "${text}" không hợp lệ`);
  });

  it.each([
    ["2026", 2026],
    [" 2027 ", 2027],
  ])("--year %j is %d", (text, y) => expect(parseYearOption(text)).toBe(y));

  it.each(["26", "20266", "năm 2026"])("--year %j is refused", (text) => expect(() => parseYearOption(text)).toThrow(`Năm "${text}" không hợp lệ`));

  it.each([
    ["2026-09-14", "2026-09-14"],
    ["14/09/2026", "2026-09-14"],
  ])("--as-of %j is UTC midnight of %s", (text, iso) => expect(parseAsOfOption(text).toISOString()).toBe(`${iso}T00:00:00.000Z`));

  it("refuses an --as-of that is no date", () => expect(() => parseAsOfOption("31/02/2026")).toThrow('Ngày báo cáo "31/02/2026" không hợp lệ'));

  it("takes the local day for today and the UTC quarter of a moment", () => {
    expect(localToday(new Date(2026, 2, 31, 23, 30)).toISOString()).toBe("2026-03-31T00:00:00.000Z");
    expect(quarterOfNow(new Date("2026-07-01T00:00:00Z"))).toEqual({ quarter: 3, year: 2026 });
  });

  it("parses options and positionals, and turns a bad option into a usage error with the usage", () => {
    const { values, positionals } = parseOptions(["a.xlsx", "--json"], { json: { type: "boolean", default: false } }, "cchc x");
    expect([values.json, positionals]).toEqual([true, ["a.xlsx"]]);
    expect(() => parseOptions(["--bogus"], { json: { type: "boolean" } }, "cchc x <tệp>")).toThrow(/Tham số không hợp lệ[^]*\ncchc x <tệp>$/);
  });

  it.each([
    ["an unknown option", ["--bogus"], "Tham số không hợp lệ: không có tham số --bogus"],
    ["an unknown short option", ["-x"], "Tham số không hợp lệ: không có tham số -x"],
    ["an option without its value", ["-o"], "Tham số không hợp lệ: tham số --output cần một giá trị đi kèm"],
    ["a value for a flag", ["--json=1"], "Tham số không hợp lệ: tham số --json không nhận giá trị"],
  ])("names %s in Vietnamese, not in Node's English", (_name, argv, message) => {
    const options = { json: { type: "boolean" }, output: { type: "string", short: "o" } } as const;
    const error = (() => {
      try {
        parseOptions(argv, options, "cchc x");
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toBe(`${message}\ncchc x`);
  });
});

describe("input and output files", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "cchc-files-"));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("writes into new parent folders and reads the bytes back", async () => {
    const file = path.join(dir, "a", "b", "out.bin");
    await writeOutputFile(file, new Uint8Array([1, 2, 3]));
    expect([...(await readInputFile(file))]).toEqual([1, 2, 3]);
    expect([...(await readFile(file))]).toEqual([1, 2, 3]);
  });

  it.each([
    ["a missing file", () => path.join(dir, "none.xlsx"), /^Không tìm thấy tệp: /],
    ["a directory", () => dir, / là thư mục, không phải tệp\.$/],
  ])("refuses %s with a Vietnamese message", async (_name, file, message) => {
    const error = await readInputFile(file()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as Error).message).toMatch(message);
  });

  it("names the file it could not write", async () => {
    const error = await writeOutputFile(path.join(dir, "a", "b", "out.bin", "x.xlsx"), new Uint8Array([1])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as Error).message).toMatch(/^Không ghi được tệp .*x\.xlsx: /);
  });

  it("says in Vietnamese that the output is a folder", async () => {
    const error = await writeOutputFile(dir, new Uint8Array([1])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as Error).message).toBe(`Không ghi được tệp ${dir}: đó là một thư mục`);
  });
});
