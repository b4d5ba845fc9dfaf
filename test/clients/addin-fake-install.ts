/**
 * Installed into the headless browser before the add-in loads (page.addInitScript): the in-memory Excel as
 * `window.Excel`, and — once office.js has set up `Office.context` (outside Office it has no requirements API) —
 * a requirements check answered by the fake. `window.__cchcFake` lets the test inspect the workbook.
 */
import { FakeExcel } from "../addin/fake-excel.js";

const fake = new FakeExcel();
const w = window as unknown as Record<string, unknown>;
w.__cchcFake = fake;
w.Excel = { run: (batch: (context: Excel.RequestContext) => Promise<unknown>) => fake.run(batch) };
document.addEventListener("DOMContentLoaded", () => {
  // Init scripts also run in frames without office.js (e.g. a download's blank page).
  if (typeof Office === "undefined") return;
  void Office.onReady(() => {
    (Office.context as unknown as { requirements: unknown }).requirements = {
      isSetSupported: (name: string, version?: string) => fake.isSetSupported(name, version ?? "1.1"),
    };
  });
});
