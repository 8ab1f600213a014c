import type { Config } from "./config.js";
import { BrokerPortInUseError } from "./modules/iot/index.js";
import { nextFreePort, portIsFree, PortInUseError } from "./platform/net/ports.js";

export interface StartupPorts {
  /** Where the embedded broker listens; null with an external broker (MQTT_URL). */
  mqttPort: number | null;
  /** Said once the logger exists: the default MQTT port was taken and another one chosen. */
  notice: string | null;
}

/**
 * Checks every port the server will listen on before anything else is done: a taken port must stop
 * start-up at once, not after the migrations and a minute of seeding the demo city. Only the default MQTT
 * port gives way (a Mosquitto already on 1883 is common on a developer's machine): the embedded broker
 * takes the next free port. A port that was set explicitly is never replaced.
 */
export async function checkPorts(config: Config): Promise<StartupPorts> {
  const { http, iot } = config;
  if (http.port !== 0 && !(await portIsFree(http.port, http.host))) {
    throw new PortInUseError(`HTTP port ${http.port} is already in use (another SiteCloud, or another web server?). Set PORT to a free port.`);
  }
  if (iot.mqttUrl) return { mqttPort: null, notice: null };
  const clashesWithHttp = iot.mqttPort !== 0 && iot.mqttPort === http.port;
  if (iot.mqttPort === 0 || (!clashesWithHttp && (await portIsFree(iot.mqttPort, http.host)))) return { mqttPort: iot.mqttPort, notice: null };
  if (iot.mqttPortExplicit) throw new BrokerPortInUseError(iot.mqttPort);
  const free = await nextFreePort(iot.mqttPort, http.host, { avoid: [http.port] });
  if (free === null) throw new BrokerPortInUseError(iot.mqttPort);
  return {
    mqttPort: free,
    notice:
      `MQTT port ${iot.mqttPort} is already in use (another broker?): the embedded broker listens on port ${free} instead. ` +
      `Point devices at ${free}, or set MQTT_PORT (a fixed port) or MQTT_URL (use the broker on ${iot.mqttPort}).`,
  };
}
