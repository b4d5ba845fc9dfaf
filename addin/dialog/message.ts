/** Entry of message.html: the dialog that shows a command's error or warning when no task pane can. */
import { addinMessages } from "../../shared/messages/index.js";
import { noticesFromUrl, type ShownNotice } from "./message-url.js";

function render(doc: Document, notices: ShownNotice[]): void {
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
