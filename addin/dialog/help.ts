/** Entry of help.html: renders the Vietnamese help from the messages module. */
import { helpMessages as H } from "../../shared/messages/index.js";

/** Writes the help sections into the page. */
export function renderHelp(doc: Document): void {
  doc.title = H.title;
  doc.getElementById("help-title")!.textContent = H.title;
  doc.getElementById("help-subtitle")!.textContent = H.subtitle;
  const main = doc.getElementById("help")!;
  for (const section of H.sections) {
    const card = doc.createElement("section");
    card.className = "card";
    const h = doc.createElement("h2");
    h.textContent = section.title;
    card.append(h);
    for (const p of section.paragraphs) {
      const el = doc.createElement("p");
      el.textContent = p;
      card.append(el);
    }
    main.append(card);
  }
}

renderHelp(document);
