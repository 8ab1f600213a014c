// `npm start`: builds the web app when it has not been built yet, then runs the server with tsx.
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";

if (!existsSync("web/dist/index.html") || process.env.REBUILD_WEB === "1") {
  console.log("building the web app (first start)…");
  // A production bundle whatever NODE_ENV the shell has (vite would otherwise bundle development React).
  const build = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], { stdio: "inherit" });
// Ctrl-C in a terminal reaches the whole foreground process group, the server included: forwarding it would be a
// second SIGINT, which kills the server before it has closed its database (an embedded one left unclean).
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (!(signal === "SIGINT" && process.stdin.isTTY)) server.kill(signal);
  });
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 0)));
