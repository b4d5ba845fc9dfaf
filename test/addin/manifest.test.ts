/**
 * Offline checks of manifest.xml (quality.md, "The Excel add-in"): Microsoft's validator needs the internet
 * (`npm run addin:validate`), so what can be checked without it is checked here.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, STATUS_COMMANDS } from "../../addin/commands/names.js";
import { STATUSES } from "../../shared/workbook/layout.js";
import { allElements, parseXml, pathOf, XmlError, type XmlElement } from "./xml.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SOURCE = readFileSync(`${ROOT}manifest.xml`, "utf8");
const manifest = parseXml(SOURCE);
const elements = allElements(manifest);
const named = (name: string) => elements.filter((e) => e.name === name);
const textOf = (e: XmlElement) => e.text.trim();

/** Resource ids by kind. */
const resources = {
  image: new Map(named("bt:Image").filter((e) => e.attrs.id).map((e) => [e.attrs.id!, e.attrs.DefaultValue!])),
  url: new Map(named("bt:Url").map((e) => [e.attrs.id!, e.attrs.DefaultValue!])),
  short: new Map(named("bt:String").filter((e) => e.parent?.name === "bt:ShortStrings").map((e) => [e.attrs.id!, e.attrs.DefaultValue!])),
  long: new Map(named("bt:String").filter((e) => e.parent?.name === "bt:LongStrings").map((e) => [e.attrs.id!, e.attrs.DefaultValue!])),
};
const uses = elements.filter((e) => e.attrs.resid !== undefined);

/** Which resource kind an element's resid must name. */
function kindFor(e: XmlElement): keyof typeof resources {
  if (e.name === "bt:Image") return "image";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(e.name)) return "url";
  if (e.name === "Description") return "long";
  return "short";
}

describe("manifest.xml", () => {
  it("is well-formed XML (and the reader rejects what is not)", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(() => parseXml("<a><b></a></b>")).toThrow(XmlError);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(XmlError);
    expect(() => parseXml("<a>&nbsp;</a>")).toThrow(XmlError);
    expect(() => parseXml("<a>")).toThrow(XmlError);
  });

  it("is read the same by the Office tools' own manifest reader (office-addin-manifest)", async () => {
    const { OfficeAddinManifest } = await import("office-addin-manifest");
    const info = await OfficeAddinManifest.readManifestFile(`${ROOT}manifest.xml`);
    expect({ id: info.id, hosts: info.hosts, locale: info.defaultLocale, name: info.displayName, icon: info.iconUrl }).toEqual({
      id: textOf(named("Id")[0]!),
      hosts: ["Workbook"],
      locale: "vi-VN",
      name: "Theo dõi CCHC",
      icon: "https://localhost:3000/assets/app-32.png",
    });
  });

  it("is a task pane add-in for Excel with a Vietnamese default locale and a GUID id", () => {
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(textOf(named("Id")[0]!)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(textOf(named("Version")[0]!)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(textOf(named("DefaultLocale")[0]!)).toBe("vi-VN");
    expect(named("Host").filter((h) => h.parent?.name === "Hosts" && h.parent.parent === manifest).map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(named("DisplayName")[0]!.attrs.DefaultValue).toBe("Theo dõi CCHC");
    const sets = named("Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual([["ExcelApi", "1.1"]]);
    expect(named("VersionOverrides")[0]!.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  it("defines every resid it uses, with the right kind of resource, and uses every resource it defines", () => {
    const undefinedUses = uses.filter((e) => !resources[kindFor(e)].has(e.attrs.resid!)).map((e) => `${pathOf(e)} → ${e.attrs.resid}`);
    expect(undefinedUses).toEqual([]);
    const used = new Set(uses.map((e) => e.attrs.resid));
    const unused = Object.values(resources).flatMap((m) => [...m.keys()]).filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it("keeps every resource id and resid within 32 characters, and ids unique", () => {
    const ids = [...named("bt:Image"), ...named("bt:Url"), ...named("bt:String")].map((e) => e.attrs.id).filter((x): x is string => !!x);
    const tooLong = [...ids, ...uses.map((e) => e.attrs.resid!)].filter((id) => id.length > 32);
    expect(tooLong).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const controlIds = elements.filter((e) => ["CustomTab", "Group", "Control", "Item"].includes(e.name)).map((e) => e.attrs.id!);
    expect(controlIds.every((id) => id.length > 0 && id.length <= 125)).toBe(true);
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  it("keeps short strings within 125 characters and long strings within 250", () => {
    expect([...resources.short.values()].filter((s) => s.length > 125)).toEqual([]);
    expect([...resources.long.values()].filter((s) => s.length > 250)).toEqual([]);
  });

  it("uses https for every URL", () => {
    const urls = [
      ...elements.map((e) => e.attrs.DefaultValue).filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v)),
      ...named("AppDomain").map(textOf),
    ];
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    expect(named("SourceLocation")[0]!.attrs.DefaultValue).toBe("https://localhost:3000/taskpane.html");
  });

  it("has a CCHC tab whose Trạng thái menu lists the four statuses, each an ExecuteFunction for that status", () => {
    const tab = named("CustomTab")[0]!;
    const tabLabel = tab.children.find((c) => c.name === "Label")!;
    expect(resources.short.get(tabLabel.attrs.resid!)).toBe("CCHC");
    const menu = named("Control").find((c) => c.attrs["xsi:type"] === "Menu")!;
    expect(resources.short.get(menu.children.find((c) => c.name === "Label")!.attrs.resid!)).toBe("Trạng thái");
    const items = menu.children.find((c) => c.name === "Items")!.children;
    const rows = items.map((item) => {
      const label = resources.short.get(item.children.find((c) => c.name === "Label")!.attrs.resid!);
      const action = item.children.find((c) => c.name === "Action")!;
      const fn = textOf(action.children.find((c) => c.name === "FunctionName")!);
      return { label, type: action.attrs["xsi:type"], status: STATUS_COMMANDS[fn as keyof typeof STATUS_COMMANDS] };
    });
    expect(rows.map((r) => r.label)).toEqual([...STATUSES]);
    expect(rows.every((r) => r.type === "ExecuteFunction" && r.status === r.label)).toBe(true);
  });

  it("has Kiểm tra and Tổng hợp quý as functions and Bảng điều khiển as the task pane", () => {
    const buttons = named("Control").filter((c) => c.attrs["xsi:type"] === "Button");
    const describe = (c: XmlElement) => {
      const action = c.children.find((x) => x.name === "Action")!;
      return [resources.short.get(c.children.find((x) => x.name === "Label")!.attrs.resid!), action.attrs["xsi:type"], textOf(action.children[0]!)];
    };
    expect(buttons.map(describe)).toEqual([
      ["Kiểm tra", "ExecuteFunction", "runCheck"],
      ["Tổng hợp quý", "ExecuteFunction", "runQuarterSummary"],
      ["Bảng điều khiển", "ShowTaskpane", "CCHC.Pane"],
    ]);
  });

  it("runs commands and task pane in one shared runtime (the function file is the runtime's page)", () => {
    const runtime = named("Runtime")[0]!;
    expect(runtime.attrs.lifetime).toBe("long");
    expect(named("FunctionFile")[0]!.attrs.resid).toBe(runtime.attrs.resid);
    expect(resources.url.get(runtime.attrs.resid!)).toBe("https://localhost:3000/taskpane.html");
  });

  it("declares exactly the function names the commands module knows", () => {
    const fns = named("FunctionName").map(textOf);
    expect([...fns].sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it("has every FunctionName registered with Office.actions.associate by the commands bundle", async () => {
    const out = await build({ entryPoints: [`${ROOT}addin/commands/index.ts`], bundle: true, write: false, format: "iife", platform: "browser", target: "es2020", logLevel: "silent" });
    const registered: string[] = [];
    const sandbox = {
      Office: {
        onReady: (cb: () => void) => {
          cb();
          return Promise.resolve({ host: "Excel" });
        },
        actions: { associate: (name: string, fn: unknown) => typeof fn === "function" && registered.push(name) },
        context: { requirements: { isSetSupported: () => true } },
      },
      console,
      location: { href: "https://localhost:3000/commands.html" },
    };
    vm.runInNewContext(out.outputFiles[0]!.text, sandbox);
    const fns = named("FunctionName").map(textOf);
    expect(registered.sort()).toEqual([...fns].sort());
    // The shared runtime's page (taskpane.html) registers the same commands through the same function.
    expect(readFileSync(`${ROOT}addin/taskpane/index.ts`, "utf8")).toMatch(/startCommands\(\)/);
  });

  it("points every icon at a real PNG of the declared size", () => {
    const sizes = new Map<string, Set<number>>();
    for (const img of named("bt:Image").filter((e) => e.attrs.resid)) {
      const s = sizes.get(img.attrs.resid!) ?? new Set<number>();
      s.add(Number(img.attrs.size));
      sizes.set(img.attrs.resid!, s);
    }
    const wanted: Array<[string, number]> = [
      [named("IconUrl")[0]!.attrs.DefaultValue!, 32],
      [named("HighResolutionIconUrl")[0]!.attrs.DefaultValue!, 64],
      ...[...resources.image].flatMap(([id, url]) => [...(sizes.get(id) ?? [])].map((size) => [url, size] as [string, number])),
    ];
    expect(wanted.length).toBe(2 + resources.image.size);
    for (const [url, size] of wanted) {
      const file = url.replace("https://localhost:3000/", `${ROOT}addin/`);
      const png = readFileSync(file);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
      expect(png.toString("ascii", 12, 16)).toBe("IHDR");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], url).toEqual([size, size]);
    }
  });
});
