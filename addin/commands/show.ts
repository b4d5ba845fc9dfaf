/**
 * Showing a command's error or warning when the task pane cannot: in the shared runtime the pane is brought up
 * (its message area already has the message); otherwise a small Office dialog shows it (message.html).
 */
import type { Notice, Session } from "../session.js";

/** Office APIs this module uses, typed loosely: Office.addin exists only where SharedRuntime 1.1 does. */
export interface OfficeLike {
  addin?: { showAsTaskpane(): Promise<void> };
  context: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    ui: {
      displayDialogAsync(url: string, options: object, callback: (result: DialogResult) => void): void;
    };
  };
  EventType: { DialogMessageReceived: string; DialogEventReceived: string };
  AsyncResultStatus: { Succeeded: unknown };
}

interface DialogResult {
  status: unknown;
  value: { addEventHandler(type: string, handler: (arg: unknown) => void): void; close(): void };
}

/** The URL of the message dialog page for some notices (same folder as the running page). */
export function messageDialogUrl(base: string, notices: readonly Notice[]): string {
  const url = new URL("message.html", base);
  url.searchParams.set("n", JSON.stringify(notices.map((n) => ({ k: n.kind, t: n.text, d: n.details ?? [] }))));
  return url.href;
}

/** Shows notices through Office: the task pane in a shared runtime, else a dialog closed by the user. */
export function officeShow(
  session: Session,
  office: OfficeLike = Office as unknown as OfficeLike,
  pageUrl: () => string = () => location.href,
): (notices: Notice[]) => Promise<void> {
  return async (notices) => {
    const shared = office.context.requirements?.isSetSupported("SharedRuntime", "1.1") === true;
    if (shared && session.hasDisplay && office.addin) {
      await office.addin.showAsTaskpane();
      return;
    }
    // Resolve only when the dialog is closed: completing the command earlier may unload this runtime (and the
    // dialog with it) on Excel versions without the shared runtime.
    await new Promise<void>((resolve) => {
      office.context.ui.displayDialogAsync(messageDialogUrl(pageUrl(), notices), { height: 35, width: 40, displayInIframe: true }, (result) => {
        if (result.status !== office.AsyncResultStatus.Succeeded) {
          resolve();
          return;
        }
        const dialog = result.value;
        const done = () => {
          dialog.close();
          resolve();
        };
        dialog.addEventHandler(office.EventType.DialogMessageReceived, done);
        dialog.addEventHandler(office.EventType.DialogEventReceived, () => resolve());
      });
    });
  };
}
