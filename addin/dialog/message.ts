/** Entry of message.html: the dialog that shows a command's error or warning when no task pane can. */
import { addinMessages } from "../../shared/messages/index.js";

interface Shown {
  k: string;
  t: string;
  d: string[];
}

/** Reads the notices from the page URL (?n=[{k,t,d}]); a broken parameter shows nothing rather than failing. */
export function noticesFromUrl(href: string): Shown[] {
  try {
    const raw = new URL(href).searchParams.get("n");
    const list: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(list)) return [];
    return list
      .filter((x): x is Shown => typeof x === "object" && x !== null && typeof (x as Shown).t === "string")
      .map((x) => ({ k: String(x.k), t: x.t, d: Array.isArray(x.d) ? x.d.map(String) : [] }));
  } catch {
    return [];
  }
}

function render(doc: Document, notices: Shown[]): void {
  const list = doc.getElementById("notices")!;
  for (const n of notices) {
    const item = doc.createElement("div");
    item.className = `notice notice-${n.k}`;
    const text = doc.createElement("p");
    text.textContent = n.t;
    item.append(text);
    for (const d of n.d) {
      const line = doc.createElement("p");
      line.className = "detail";
      line.textContent = d;
      item.append(line);
    }
    list.append(item);
  }
  const close = doc.getElementById("close") as HTMLButtonElement;
  close.textContent = addinMessages.close;
  close.addEventListener("click", () => Office.context.ui.messageParent("close"));
  close.focus();
}

void Office.onReady(() => render(document, noticesFromUrl(location.href)));
