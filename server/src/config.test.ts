import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("config", () => {
  it("defaults to embedded PGlite on port 8080", () => {
    const c = loadConfig({});
    expect(c.http.port).toBe(8080);
    expect(c.db).toEqual({ kind: "pglite", dataDir: "./data" });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("tells an MQTT_PORT that was set from the default 1883", () => {
    expect(loadConfig({}).iot).toMatchObject({ mqttPort: 1883, mqttPortExplicit: false });
    expect(loadConfig({ MQTT_PORT: "1883" }).iot).toMatchObject({ mqttPort: 1883, mqttPortExplicit: true });
    expect(loadConfig({ MQTT_PORT: "2883" }).iot).toMatchObject({ mqttPort: 2883, mqttPortExplicit: true });
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@h:5432/db" }).db).toEqual({ kind: "postgres", url: "postgres://u@h:5432/db" });
  });

  it("names every bad variable at once", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", ADMIN_PASSWORD: "short" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toContain("PORT");
      expect(msg).toContain("DATABASE_URL");
      expect(msg).toContain("ADMIN_PASSWORD");
    }
  });
});
