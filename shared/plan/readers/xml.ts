/**
 * A minimal pull tokenizer for the XML parts of Office files (document.xml, sheet1.xml, sharedStrings.xml).
 * Office parts are machine-written, well-formed XML without DTDs, so a small tokenizer is enough and keeps
 * the readers synchronous and browser-safe (no DOMParser in Node, no dependency).
 */

/** One XML event: an opening tag (possibly self-closing), a closing tag, or decoded text. */
export type XmlToken =
  | { kind: "open"; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: "close"; name: string }
  | { kind: "text"; text: string };

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith("#")) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

const ATTR_RE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTR_RE.lastIndex = 0;
  for (let m = ATTR_RE.exec(s); m; m = ATTR_RE.exec(s)) {
    attrs[m[1]!] = decodeXmlEntities(m[2] ?? m[3] ?? "");
  }
  return attrs;
}

/** Thrown when the XML is cut off or malformed; callers turn it into an UnusableInputError. */
export class XmlSyntaxError extends Error {
  override name = "XmlSyntaxError";
}

/** Yields the tokens of an XML document in order; comments, processing instructions and DOCTYPEs are skipped. */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      const tail = xml.slice(i);
      if (tail.trim()) yield { kind: "text", text: decodeXmlEntities(tail) };
      return;
    }
    if (lt > i) yield { kind: "text", text: decodeXmlEntities(xml.slice(i, lt)) };
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) throw new XmlSyntaxError("unterminated comment");
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) throw new XmlSyntaxError("unterminated CDATA");
      yield { kind: "text", text: xml.slice(lt + 9, end) };
      i = end + 3;
    } else if (xml[lt + 1] === "?" || xml[lt + 1] === "!") {
      const end = xml.indexOf(">", lt);
      if (end < 0) throw new XmlSyntaxError("unterminated declaration");
      i = end + 1;
    } else if (xml[lt + 1] === "/") {
      const end = xml.indexOf(">", lt);
      if (end < 0) throw new XmlSyntaxError("unterminated end tag");
      yield { kind: "close", name: xml.slice(lt + 2, end).trim() };
      i = end + 1;
    } else {
      const end = findTagEnd(xml, lt + 1);
      if (end < 0) throw new XmlSyntaxError("unterminated start tag");
      const selfClosing = xml[end - 1] === "/";
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const sp = body.search(/\s/);
      const name = sp < 0 ? body : body.slice(0, sp);
      if (!name) throw new XmlSyntaxError("empty tag name");
      yield { kind: "open", name, attrs: sp < 0 ? {} : parseAttrs(body.slice(sp)), selfClosing };
      i = end + 1;
    }
  }
}

/** Finds the ">" that ends a start tag, skipping ">" inside quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let j = from; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ">") {
      return j;
    }
  }
  return -1;
}

/** The local part of a qualified name ("w:tc" → "tc"). */
export function localName(name: string): string {
  const c = name.indexOf(":");
  return c < 0 ? name : name.slice(c + 1);
}

/** An attribute by local name, whatever its prefix ("w:val" or "val"). */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) if (localName(k) === local) return v;
  return undefined;
}
