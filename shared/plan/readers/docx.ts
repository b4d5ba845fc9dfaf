/**
 * Reads a Word (.docx) plan: the paragraphs and tables of word/document.xml, in order, with merged cells
 * (gridSpan, vMerge) expanded. Works on the XML directly (fflate + a small tokenizer) so it is synchronous and
 * runs unchanged in the browser task pane.
 */
import { UnusableInputError } from "../../errors.js";
import { planFileMessages as M } from "../../messages/plan-files.js";
import { squareRows, tidyCellText, type DocBlock, type ExtractedDocument } from "./document.js";
import { emptyNumbering, nextLabel, readNumbering, type Numbering } from "./docx-numbering.js";
import { attr, localName, xmlTokens, XmlSyntaxError } from "./xml.js";
import { checkInputSize, looksLikeOle2, partText, unzipParts, type ZipLimits } from "./zip.js";

const KIND = "Word (.docx)";
const MAIN_PART = "word/document.xml";
const NUMBERING_PART = "word/numbering.xml";
const STYLES_PART = "word/styles.xml";

/** A cell as written in the XML, before merges are expanded. */
interface RawCell {
  paras: string[];
  span: number;
  vMerge: "restart" | "continue" | null;
}

interface RawRow {
  gridBefore: number;
  cells: RawCell[];
}

interface TableState {
  rows: RawRow[];
  row: RawRow | null;
  cell: RawCell | null;
}

/** Elements whose whole subtree carries no visible text of the document (deleted text, field codes, fallbacks). */
const SKIPPED = new Set(["del", "moveFrom", "delText", "instrText", "Fallback", "rPr", "pPr", "tblPr", "trPr", "sectPr", "fldData"]);

/** Reads a .docx file into paragraphs and tables (reading order). Throws UnusableInputError for a corrupt file. */
export function extractDocx(bytes: Uint8Array, fileName: string, limits?: ZipLimits): ExtractedDocument {
  checkInputSize(bytes, fileName);
  if (looksLikeOle2(bytes)) throw new UnusableInputError(M.legacyFormat(fileName, ".doc", ".docx"), { file: fileName });
  const parts = unzipParts(bytes, fileName, KIND, (n) => n === MAIN_PART || n === NUMBERING_PART || n === STYLES_PART, limits);
  const main = parts.get(MAIN_PART);
  if (!main) throw new UnusableInputError(M.missingPart(fileName, KIND, MAIN_PART), { file: fileName });
  const text = (name: string) => {
    const part = parts.get(name);
    return part ? partText(part) : null;
  };
  let numbering: Numbering;
  try {
    numbering = readNumbering(text(NUMBERING_PART), text(STYLES_PART));
  } catch (e) {
    // Broken list definitions cost the list labels, not the document.
    if (!(e instanceof XmlSyntaxError)) throw e;
    numbering = emptyNumbering();
  }
  try {
    return { blocks: walkDocument(partText(main), numbering), warnings: [] };
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      throw new UnusableInputError(M.badXml(fileName, MAIN_PART, e.message), { file: fileName }, e);
    }
    throw e;
  }
}

/** A paragraph's list membership, read from its properties (w:pPr). */
interface ParaProps {
  style?: string;
  numId?: string;
  ilvl: number;
}

function walkDocument(xml: string, numbering: Numbering): DocBlock[] {
  const blocks: DocBlock[] = [];
  const paras: string[] = []; // open paragraphs; a text box inside a paragraph nests one
  const props: ParaProps[] = []; // parallel to paras
  const paraCellDepth: number[] = []; // how many tables were open when each paragraph began
  const tables: TableState[] = [];
  const stack: string[] = []; // local names of open elements, to check well-formedness
  let skipDepth = 0; // >0 while inside a SKIPPED subtree
  let inText = false; // inside w:t
  let runDepth = 0;
  let tcPrDepth = 0;
  let trPrDepth = 0;
  let pPrDepth = 0;
  let sawBody = false;

  const appendText = (s: string) => {
    if (paras.length > 0) paras[paras.length - 1] += s;
  };

  for (const tok of xmlTokens(xml)) {
    if (tok.kind === "text") {
      if (inText && skipDepth === 0) appendText(tok.text);
      continue;
    }
    const name = localName(tok.name);
    if (tok.kind === "open") {
      if (name === "body") sawBody = true;
      // Cell and row properties sit inside SKIPPED-looking containers, so read them before skipping.
      if (tcPrDepth > 0 || trPrDepth > 0) readProperty(name, tok.attrs, tables, tcPrDepth > 0);
      // Depth 1 only: a pPr nested in w:pPrChange holds the properties before a tracked change.
      if (pPrDepth === 1 && props.length > 0) readParaProperty(name, tok.attrs, props[props.length - 1]!);
      if (skipDepth > 0 || SKIPPED.has(name)) {
        if (!tok.selfClosing) {
          skipDepth++;
          stack.push(name);
          if (name === "trPr") trPrDepth++;
          if (name === "pPr") pPrDepth++;
        }
        continue;
      }
      if (!tok.selfClosing) stack.push(name);
      switch (name) {
        case "p":
          if (!tok.selfClosing) {
            paras.push("");
            props.push({ ilvl: 0 });
            paraCellDepth.push(tables.length);
          }
          break;
        case "r":
          if (!tok.selfClosing) runDepth++;
          break;
        case "t":
          if (!tok.selfClosing) inText = true;
          break;
        case "tab":
          if (runDepth > 0) appendText("\t");
          break;
        case "br":
        case "cr":
          if (runDepth > 0) appendText("\n");
          break;
        case "noBreakHyphen":
          appendText("-");
          break;
        case "tbl":
          if (!tok.selfClosing) tables.push({ rows: [], row: null, cell: null });
          break;
        case "tr": {
          const t = tables[tables.length - 1];
          if (t && !tok.selfClosing) t.row = { gridBefore: 0, cells: [] };
          break;
        }
        case "tc": {
          const t = tables[tables.length - 1];
          if (t && !tok.selfClosing) t.cell = { paras: [], span: 1, vMerge: null };
          break;
        }
        case "tcPr":
          if (!tok.selfClosing) tcPrDepth++;
          break;
      }
      continue;
    }

    // closing tag
    const open = stack.pop();
    if (open !== name) throw new XmlSyntaxError(`</${tok.name}> closes <${open ?? "?"}>`);
    if (skipDepth > 0) {
      skipDepth--;
      if (name === "trPr") trPrDepth--;
      if (name === "pPr") pPrDepth--;
      continue;
    }
    switch (name) {
      case "t":
        inText = false;
        break;
      case "r":
        runDepth--;
        break;
      case "tcPr":
        tcPrDepth--;
        break;
      case "p": {
        let text = paras.pop() ?? "";
        const pp = props.pop() ?? { ilvl: 0 };
        const label = nextLabel(numbering, pp.numId, pp.ilvl, pp.style);
        if (label) text = `${label} ${text}`;
        const depth = paraCellDepth.pop() ?? 0;
        const t = tables[depth - 1];
        if (depth > 0 && t?.cell) t.cell.paras.push(text);
        else blocks.push({ kind: "paragraph", text: tidyCellText(text.replace(/\t/g, " ")) });
        break;
      }
      case "tc": {
        const t = tables[tables.length - 1];
        if (t?.row && t.cell) t.row.cells.push(t.cell);
        if (t) t.cell = null;
        break;
      }
      case "tr": {
        const t = tables[tables.length - 1];
        if (t?.row) t.rows.push(t.row);
        if (t) t.row = null;
        break;
      }
      case "tbl": {
        const t = tables.pop();
        if (!t) break;
        const rows = expandMerges(t.rows);
        const parent = tables[tables.length - 1];
        if (parent?.cell) {
          // A table nested in a cell: keep its words in the outer cell, one row per line.
          parent.cell.paras.push(...rows.map((r) => r.filter((c) => c).join(" ")));
        } else if (rows.length > 0) {
          blocks.push({ kind: "table", table: { rows } });
        }
        break;
      }
    }
  }
  if (stack.length > 0 || !sawBody) throw new XmlSyntaxError(sawBody ? "document.xml is cut off" : "no <w:body>");
  return blocks;
}

/** Reads a paragraph's style and list membership (w:pStyle, w:numPr). */
function readParaProperty(name: string, attrs: Record<string, string>, pp: ParaProps): void {
  if (name === "pStyle") pp.style = attr(attrs, "val");
  else if (name === "numId") pp.numId = attr(attrs, "val");
  else if (name === "ilvl") pp.ilvl = Math.max(0, Math.min(8, Number(attr(attrs, "val") ?? 0) || 0));
}

/** Reads gridSpan/vMerge (cell properties) and gridBefore (row properties) into the open table. */
function readProperty(name: string, attrs: Record<string, string>, tables: TableState[], inCell: boolean): void {
  const t = tables[tables.length - 1];
  if (!t) return;
  if (inCell && t.cell) {
    if (name === "gridSpan") t.cell.span = Math.max(1, Math.min(64, parseInt(attr(attrs, "val") ?? "1", 10) || 1));
    if (name === "vMerge") t.cell.vMerge = attr(attrs, "val") === "restart" ? "restart" : "continue";
    // Word 97-era horizontal merge: a continued cell is one more grid column of the cell before it.
    if (name === "hMerge" && attr(attrs, "val") !== "restart") t.cell.span = 0;
  } else if (!inCell && t.row && name === "gridBefore") {
    t.row.gridBefore = Math.max(0, Math.min(64, parseInt(attr(attrs, "val") ?? "0", 10) || 0));
  }
}

/**
 * Lays the raw cells on the table grid. A horizontally merged cell keeps its text in its first column and leaves
 * the others empty (a group title spanning the row must not become a lead unit). A vertically merged cell repeats
 * its text in every row it covers — one lead unit for a block of tasks applies to each of them — except in the
 * first column: an id repeated down would create duplicate tasks, while an empty id marks a continuation row.
 */
export function expandMerges(rawRows: RawRow[]): string[][] {
  const rows: string[][] = [];
  const vMergeText = new Map<number, string>(); // grid column → text of the merge's first cell
  for (const raw of rawRows) {
    const row: string[] = Array<string>(raw.gridBefore).fill("");
    for (const cell of raw.cells) {
      if (cell.span === 0) continue; // legacy hMerge continuation
      const col = row.length;
      let text = tidyCellText(cell.paras.join("\n"));
      if (cell.vMerge === "restart") vMergeText.set(col, text);
      else if (cell.vMerge === "continue") text = col === 0 ? "" : (vMergeText.get(col) ?? "");
      else vMergeText.delete(col);
      row.push(text, ...Array<string>(cell.span - 1).fill(""));
    }
    rows.push(row);
  }
  return squareRows(rows);
}
