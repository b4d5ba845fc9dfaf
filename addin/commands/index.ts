/**
 * Entry of commands.html: the ribbon commands alone, for an Excel without the shared runtime that loads the
 * function file on its own (the manifest's shared runtime uses taskpane.html, which registers them too).
 */
import { startCommands } from "./start.js";

void Office.onReady(() => startCommands());
