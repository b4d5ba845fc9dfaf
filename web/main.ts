/** Entry of the web app (dist/web/app.js, a classic script: it also runs from file://). */
import { browserDownload } from "../addin/taskpane/download.js";
import { mountWebApp } from "./app.js";

mountWebApp(document, { now: () => new Date(), download: browserDownload(document) });
