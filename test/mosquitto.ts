import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** A Mosquitto this test run started and owns (never the system's broker on 1883). */
export interface OwnedMosquitto {
  port: number;
  url: string;
  /** Everything the broker logged so far (subscribe and connect lines included). */
  log(): string;
  /** Resolves once the broker's log matches `pattern` `times` times. */
  waitForLog(pattern: RegExp, times?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const BINARY = process.env.MOSQUITTO_BIN ?? "mosquitto";

/**
 * The broker configuration: local-only, anonymous (device auth belongs to the embedded broker, not to
 * this test broker), in memory, and without any queue or in-flight limit — Mosquitto's defaults (1,000
 * queued, 20 in flight) silently drop QoS 1 messages for a slow or offline persistent session, which is
 * exactly what the at-least-once tests must not see.
 */
export const mosquittoConfig = (port: number) =>
  [
    `listener ${port} 127.0.0.1`,
    "allow_anonymous true",
    "persistence false",
    "max_queued_messages 0",
    "max_queued_bytes 0",
    "max_inflight_messages 0",
    "set_tcp_nodelay true",
    "log_dest stderr",
    "log_type error",
    "log_type warning",
    "log_type notice",
    "log_type subscribe",
    "connection_messages true",
    "",
  ].join("\n");

/** Fails with a clear message when the binary is missing: CI has it, so a silent skip would hide a gap. */
export function assertMosquittoInstalled(): void {
  const probe = spawnSync(BINARY, ["-h"], { encoding: "utf8" });
  if (probe.error) {
    throw new Error(`mosquitto is not installed (${BINARY}: ${probe.error.message}). Install it (apt-get install mosquitto) or set MOSQUITTO_BIN; the scale-out tests need a real external broker.`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/** Starts a private Mosquitto on a free port; retries when another process grabbed the port first. */
export async function startMosquitto(): Promise<OwnedMosquitto> {
  assertMosquittoInstalled();
  let lastError = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), "sc-mosquitto-"));
    const conf = path.join(dir, "mosquitto.conf");
    writeFileSync(conf, mosquittoConfig(port));
    const child: ChildProcess = spawn(BINARY, ["-c", conf], { stdio: ["ignore", "ignore", "pipe"] });
    let output = "";
    let exited = false;
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", () => (exited = true));
    const until = Date.now() + 5_000;
    while (!exited && Date.now() < until && !(await accepts(port))) await new Promise((r) => setTimeout(r, 50));
    if (exited || !(await accepts(port))) {
      lastError = output;
      if (!exited) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    return {
      port,
      url: `mqtt://127.0.0.1:${port}`,
      log: () => output,
      async waitForLog(pattern, times = 1, timeoutMs = 15_000) {
        const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
        const deadline = Date.now() + timeoutMs;
        while ((output.match(global)?.length ?? 0) < times) {
          if (exited) throw new Error(`mosquitto exited while waiting for ${pattern}:\n${output}`);
          if (Date.now() > deadline) throw new Error(`mosquitto did not log ${pattern} ${times}× in ${timeoutMs} ms:\n${output.slice(-2000)}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      async stop() {
        if (!exited) {
          const gone = new Promise((r) => child.once("exit", r));
          child.kill("SIGTERM");
          await gone;
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  throw new Error(`mosquitto did not start:\n${lastError}`);
}
