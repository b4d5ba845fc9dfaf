// The add-in's development web server: serves dist/addin/ over https://localhost:3000/ (the manifest's URLs) with
// the certificates of office-addin-dev-certs (it creates them, and asks to trust its CA, on first use), so Excel
// desktop and Excel on the web accept the pages. Builds the add-in first unless --no-build is given.
//   npm run addin:dev-server            (then: npm run addin:start, or sideload manifest.xml by hand)
//   ADDIN_PORT=3001 …                   another port (the manifest's URLs must match)
//   ADDIN_CERT=… ADDIN_KEY=… …          your own certificate and key (PEM files) instead of office-addin-dev-certs
// `staticHandler` is also used by the headless-browser test, over plain http on 127.0.0.1.
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import https from "node:https";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** A request handler serving the files under `root` (GET/HEAD only, no directory listing, no path escape). */
export function staticHandler(root) {
  const base = path.resolve(root);
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(base, `.${pathname === "/" ? "/taskpane.html" : pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "content-length": info.size,
        // Office caches add-in files aggressively; during development every reload must see the new build.
        "cache-control": "no-store",
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("404");
    }
  };
}

async function main() {
  const port = Number(process.env.ADDIN_PORT ?? 3000);
  if (!process.argv.includes("--no-build")) {
    const { buildAddin } = await import("./build-addin.mjs");
    await buildAddin({ baseUrl: process.env.ADDIN_BASE_URL || `https://localhost:${port}/` });
  }
  let options;
  if (process.env.ADDIN_CERT && process.env.ADDIN_KEY) {
    options = { cert: await readFile(process.env.ADDIN_CERT), key: await readFile(process.env.ADDIN_KEY) };
  } else {
    const devCerts = (await import("office-addin-dev-certs")).default;
    options = await devCerts.getHttpsServerOptions();
  }
  const server = https.createServer(options, staticHandler(path.join(ROOT, "dist/addin")));
  server.listen(port, "localhost", () => {
    process.stdout.write(`Add-in served at https://localhost:${port}/taskpane.html (Ctrl+C to stop)\n`);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main();
}
