/**
 * A strict little XML reader for the manifest tests: it rejects what an XML parser must reject (unclosed or
 * mismatched tags, unquoted or repeated attributes, stray "<" or "&", text outside the root) and returns a tree.
 * Namespaces are kept as written ("bt:Image"); the tests match on those names.
 */

/** An element. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

/** Not well-formed XML, with the offset where the reader stopped. */
export class XmlError extends Error {
  override name = "XmlError";
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at ${offset}`);
  }
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  return text.replace(/&([^;]*);?/g, (m, body: string) => {
    if (!m.endsWith(";")) throw new XmlError(`bare "&"`, at);
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const e = ENTITIES[body];
    if (e === undefined) throw new XmlError(`unknown entity &${body};`, at);
    return e;
  });
}

/** Parses a whole document and returns its root element. */
export function parseXml(src: string): XmlElement {
  let i = 0;
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  if (src.startsWith("\uFEFF")) i = 1;
  if (src.startsWith("<?xml", i)) {
    const end = src.indexOf("?>", i);
    if (end < 0) throw new XmlError("unterminated declaration", i);
    i = end + 2;
  }
  while (i < src.length) {
    const lt = src.indexOf("<", i);
    const text = src.slice(i, lt < 0 ? src.length : lt);
    if (text.includes(">")) throw new XmlError(`stray ">"`, i);
    if (stack.length === 0) {
      if (text.trim() !== "") throw new XmlError("text outside the root element", i);
    } else {
      stack[stack.length - 1]!.text += decode(text, i);
    }
    if (lt < 0) break;
    i = lt;
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i + 4);
      if (end < 0) throw new XmlError("unterminated comment", i);
      if (src.slice(i + 4, end).includes("--")) throw new XmlError(`"--" inside a comment`, i);
      i = end + 3;
      continue;
    }
    if (src.startsWith("<![CDATA[", i)) {
      const end = src.indexOf("]]>", i);
      if (end < 0 || stack.length === 0) throw new XmlError("bad CDATA", i);
      stack[stack.length - 1]!.text += src.slice(i + 9, end);
      i = end + 3;
      continue;
    }
    if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i);
      if (end < 0) throw new XmlError("unterminated processing instruction", i);
      i = end + 2;
      continue;
    }
    if (src.startsWith("</", i)) {
      const m = NAME.exec(src.slice(i + 2));
      const open = stack.pop();
      if (!m || !open || open.name !== m[0]) throw new XmlError(`mismatched end tag </${m?.[0] ?? ""}> for <${open?.name ?? ""}>`, i);
      i += 2 + m[0].length;
      while (/\s/.test(src[i] ?? "")) i++;
      if (src[i] !== ">") throw new XmlError("bad end tag", i);
      i++;
      continue;
    }
    const m = NAME.exec(src.slice(i + 1));
    if (!m) throw new XmlError(`stray "<"`, i);
    if (root && stack.length === 0) throw new XmlError("a second root element", i);
    const el: XmlElement = { name: m[0], attrs: {}, children: [], text: "", parent: stack[stack.length - 1] ?? null };
    i += 1 + m[0].length;
    for (;;) {
      const ws = /^\s*/.exec(src.slice(i))![0].length;
      i += ws;
      if (src.startsWith("/>", i)) {
        i += 2;
        el.parent?.children.push(el);
        root ??= el;
        break;
      }
      if (src[i] === ">") {
        i++;
        el.parent?.children.push(el);
        root ??= el;
        stack.push(el);
        break;
      }
      if (ws === 0) throw new XmlError(`attributes must be separated by white space in <${el.name}>`, i);
      const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(src.slice(i));
      if (!a) throw new XmlError(`bad attribute in <${el.name}>`, i);
      if (a[1]! in el.attrs) throw new XmlError(`repeated attribute ${a[1]}`, i);
      el.attrs[a[1]!] = decode(a[3] ?? a[4] ?? "", i);
      i += a[0].length;
    }
  }
  if (stack.length > 0) throw new XmlError(`unclosed <${stack[stack.length - 1]!.name}>`, src.length);
  if (!root) throw new XmlError("no root element", 0);
  return root;
}

/** Every element of a tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** The element names from the root down to `e` ("OfficeApp/VersionOverrides/…"). */
export function pathOf(e: XmlElement): string {
  const names: string[] = [];
  for (let x: XmlElement | null = e; x; x = x.parent) names.unshift(x.name);
  return names.join("/");
}
