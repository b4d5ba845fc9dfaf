import { describe, expect, it } from "vitest";
import { messageDialogUrl, officeShow, type OfficeLike } from "../../../addin/commands/show.js";
import { noticesFromUrl } from "../../../addin/dialog/message-url.js";
import { Session, type Notice } from "../../../addin/session.js";

const NOTICES: Notice[] = [{ kind: "error", text: 'Sổ này đã có trang tính "Nhiệm vụ" & <b>' }];

/** A fake Office with a dialog the test can close, and an optional shared runtime. */
function fakeOffice(shared: boolean) {
  const calls: string[] = [];
  const handlers = new Map<string, (arg: unknown) => void>();
  const office: OfficeLike = {
    ...(shared ? { addin: { showAsTaskpane: async () => void calls.push("showAsTaskpane") } } : {}),
    context: {
      requirements: { isSetSupported: (name) => shared && name === "SharedRuntime" },
      ui: {
        displayDialogAsync: (url, _options, callback) => {
          calls.push(`dialog ${url}`);
          callback({
            status: "succeeded",
            value: { addEventHandler: (type, h) => void handlers.set(type, h), close: () => void calls.push("close") },
          });
        },
      },
    },
    EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
    AsyncResultStatus: { Succeeded: "succeeded" },
  };
  return { office, calls, handlers };
}

describe("showing a command's messages", () => {
  it("brings up the task pane in a shared runtime where the pane is loaded", async () => {
    const session = new Session();
    session.onNotice(() => undefined);
    const { office, calls } = fakeOffice(true);
    await officeShow(session, office, () => "https://localhost:3000/taskpane.html")(NOTICES);
    expect(calls).toEqual(["showAsTaskpane"]);
  });

  it("opens message.html as a dialog otherwise, and finishes only when the user closes it", async () => {
    const { office, calls, handlers } = fakeOffice(false);
    let done = false;
    const shown = officeShow(new Session(), office, () => "https://localhost:3000/taskpane.html")(NOTICES).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    expect(calls[0]).toMatch(/^dialog https:\/\/localhost:3000\/message\.html\?n=/);
    handlers.get("message")!("close");
    await shown;
    expect(calls).toEqual([calls[0], "close"]);
    expect(noticesFromUrl(calls[0]!.slice("dialog ".length))).toEqual([{ k: "error", t: NOTICES[0]!.text, d: [] }]);
  });

  it("carries any text through the dialog URL and ignores a broken one", () => {
    const url = messageDialogUrl("https://h/x/taskpane.html", [{ kind: "warning", text: "a&b=c?#", details: ["d1"] }]);
    expect(url.startsWith("https://h/x/message.html?n=")).toBe(true);
    expect(noticesFromUrl(url)).toEqual([{ k: "warning", t: "a&b=c?#", d: ["d1"] }]);
    expect(noticesFromUrl("https://h/message.html?n=%7Bnot-json")).toEqual([]);
    expect(noticesFromUrl("https://h/message.html")).toEqual([]);
  });
});
