/**
 * Entry of taskpane.html. In the shared runtime this page is also the ribbon's function file: it registers the
 * commands and mounts the pane in the same JavaScript context, so both share `session`.
 */
import { addinMessages } from "../../shared/messages/index.js";
import { startCommands } from "../commands/start.js";
import { officeExcelHost } from "../excel/host.js";
import { session } from "../session.js";
import { browserDownload } from "./download.js";
import { mountTaskPane } from "./pane.js";

void Office.onReady(() => {
  document.title = addinMessages.appName;
  startCommands();
  mountTaskPane(document, {
    host: officeExcelHost(),
    session,
    now: () => new Date(),
    download: browserDownload(document),
    inExcel: typeof Excel !== "undefined" && typeof Excel.run === "function",
  });
});
