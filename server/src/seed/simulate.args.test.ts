import { describe, expect, it } from "vitest";
import { parseSimulateArgs } from "./simulate.args.js";

describe("npm run simulate arguments", () => {
  it("defaults to the server's broker and data directory", () => {
    expect(parseSimulateArgs([], {})).toEqual({ url: "mqtt://127.0.0.1:1883", credentials: "data/demo-device-credentials.json" });
    expect(parseSimulateArgs([], { MQTT_PORT: "2883", DATA_DIR: "/srv/sc" })).toEqual({ url: "mqtt://127.0.0.1:2883", credentials: "/srv/sc/demo-device-credentials.json" });
    expect(parseSimulateArgs([], { MQTT_URL: "mqtt://broker:1883" })).toMatchObject({ url: "mqtt://broker:1883" });
  });

  it("reads every option, spaced or with =", () => {
    expect(parseSimulateArgs(["--sites", "5", "--rate=200", "--anomaly", "0.01", "--url", "mqtts://x:8883", "--credentials", "c.json", "--duration=30"], {})).toEqual({
      sites: 5,
      rate: 200,
      anomaly: 0.01,
      url: "mqtts://x:8883",
      credentials: "c.json",
      duration: 30,
    });
  });

  it("refuses bad values and unknown options with a message", () => {
    for (const argv of [["--sites", "0"], ["--sites", "2.5"], ["--rate", "-1"], ["--anomaly", "2"], ["--url", "http://x"], ["--speed", "3"], ["5"], ["--rate"]]) {
      expect(parseSimulateArgs(argv, {}), argv.join(" ")).toHaveProperty("error");
    }
  });
});
