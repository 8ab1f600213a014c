import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "./config";
import { BrokerPortInUseError } from "./modules/iot/index";
import { PortInUseError } from "./platform/net/ports";
import { checkPorts } from "./startup.ports";

/** Another program on a port: a test server that holds it until the end of the file. */
const holders: Server[] = [];
async function takePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  holders.push(server);
  return (server.address() as { port: number }).port;
}
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let takenA: number;
let takenB: number;
beforeAll(async () => {
  takenA = await takePort();
  takenB = await takePort();
});
afterAll(async () => {
  await Promise.all(holders.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A configuration with the MQTT port left at its default, the default being `port`. */
function withDefaultMqttPort(port: number, env: NodeJS.ProcessEnv = {}): Config {
  const config = loadConfig({ HOST: "127.0.0.1", PORT: "0", ...env });
  expect(config.iot.mqttPortExplicit).toBe(false);
  return { ...config, iot: { ...config.iot, mqttPort: port } };
}

describe("checkPorts: every port before any work", () => {
  it("gives the embedded broker the next free port when the default one is taken, and says so", async () => {
    const ports = await checkPorts(withDefaultMqttPort(takenA));
    expect(ports.mqttPort).not.toBeNull();
    expect(ports.mqttPort).toBeGreaterThan(takenA);
    expect(ports.mqttPort).not.toBe(takenB);
    expect(ports.notice).toContain(`MQTT port ${takenA} is already in use`);
    expect(ports.notice).toContain(`port ${ports.mqttPort} instead`);
  });

  it("keeps a free default port as it is", async () => {
    const port = await freePort();
    expect(await checkPorts(withDefaultMqttPort(port))).toEqual({ mqttPort: port, notice: null });
  });

  it("stops on an explicitly set MQTT port that is taken, naming MQTT_PORT and MQTT_URL", async () => {
    const config = loadConfig({ HOST: "127.0.0.1", PORT: "0", MQTT_PORT: String(takenA) });
    expect(config.iot.mqttPortExplicit).toBe(true);
    const err = await checkPorts(config).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BrokerPortInUseError);
    expect(err).toBeInstanceOf(PortInUseError);
    expect((err as Error).message).toMatch(new RegExp(`MQTT port ${takenA} is already in use.*MQTT_PORT.*MQTT_URL`));
  });

  it("stops on a taken HTTP port, naming PORT", async () => {
    const err = await checkPorts(loadConfig({ HOST: "127.0.0.1", PORT: String(takenB), MQTT_PORT: "0" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortInUseError);
    expect((err as Error).message).toContain(`HTTP port ${takenB} is already in use`);
    expect((err as Error).message).toContain("Set PORT");
  });

  it("does not look at MQTT_PORT when devices use an external broker", async () => {
    expect(await checkPorts(loadConfig({ HOST: "127.0.0.1", PORT: "0", MQTT_PORT: String(takenA), MQTT_URL: "mqtt://127.0.0.1:1" }))).toEqual({ mqttPort: null, notice: null });
  });
});

describe("npm start with a taken MQTT_PORT", () => {
  it("stops at once with the message, before the database is opened", async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), "sc-ports-"));
    const dataDir = path.join(scratch, "data");
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", PORT: String(await freePort()), MQTT_PORT: String(takenA), DATA_DIR: dataDir, SEED: "never", SIMULATE: "0", LOG_LEVEL: "silent" };
    delete env.DATABASE_URL;
    delete env.MQTT_URL;
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      expect(stderr).toContain(`MQTT port ${takenA} is already in use`);
      expect(code).toBe(1);
      // No embedded database was created (nor migrated, nor seeded) for a start-up that cannot finish.
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});
