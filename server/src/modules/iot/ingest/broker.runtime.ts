import { createServer, type Server } from "node:net";
import { Aedes, type AuthenticateError, type Client } from "aedes";
import type { FastifyBaseLogger } from "fastify";
import { PortInUseError } from "../../../platform/net/ports.js";
import type { DeviceCache, DeviceInfo } from "../device.cache.js";
import { parseTopic, secretMatches, type DeviceMessageRouter } from "./device-message.pipeline.js";

/** How the platform reaches devices: publishes a command (QoS 1). Same for the embedded and an external broker. */
export interface DeviceLink {
  publish(topic: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export class BrokerPortInUseError extends PortInUseError {
  constructor(port: number) {
    super(
      `MQTT port ${port} is already in use (another broker?). Set MQTT_PORT to a free port for the embedded broker, ` +
        `or MQTT_URL (e.g. mqtt://user:pass@127.0.0.1:${port}) to use that external broker instead.`,
    );
  }
}

const authError = (message: string, returnCode: 2 | 4 | 5): AuthenticateError => Object.assign(new Error(message), { returnCode }) as AuthenticateError;

/**
 * The embedded MQTT broker (Aedes, MQTT 3.1 and 3.1.1 only). Devices log in with username = client id =
 * device code and password = secret, and may publish and subscribe only under their own
 * `sitecloud/v1/{code}/`. The platform consumes
 * device topics in process; a message's PUBACK waits until the pipeline has stored it (backpressure).
 */
export async function startEmbeddedBroker(opts: {
  port: number;
  host: string;
  devices: DeviceCache;
  router: DeviceMessageRouter;
  log: FastifyBaseLogger;
}): Promise<DeviceLink & { port: number }> {
  const { devices, router, log } = opts;
  const deviceOf = new WeakMap<Client, DeviceInfo>();
  // Aedes answers an MQTT 5 CONNECT with CONNACK 1 (unacceptable protocol version); the operator is told,
  // at most once a minute, because a device maker's MQTT 5 default is a common installation mistake.
  let mqtt5Refused = 0;
  let mqtt5WarnedAt = 0;
  const broker = await Aedes.createBroker({
    // Messages in flight between devices and the pipeline; a batch holds thousands.
    concurrency: 10_000,
    maxClientsIdLength: 128,
    drainTimeout: 30_000,
    preConnect: (_client, packet, done) => {
      if (packet.protocolVersion === 5) {
        mqtt5Refused++;
        if (Date.now() - mqtt5WarnedAt >= 60_000) {
          mqtt5WarnedAt = Date.now();
          log.warn({ clientId: packet.clientId, refusedSoFar: mqtt5Refused }, "MQTT 5 connection refused: the embedded broker speaks MQTT 3.1.1 (configure the device for 3.1.1)");
        }
      }
      done(null, true);
    },
    authenticate: (client, username, password, done) => {
      if (!username) return done(authError("username (device code) required", 4), false);
      devices.get(username).then(
        (device) => {
          if (!device) return done(authError("unknown device", 4), false);
          if (!secretMatches(device, password)) {
            router.countRefusal(device, "bad_credentials", "wrong secret");
            return done(authError("bad credentials", 4), false);
          }
          if (!device.enabled) {
            router.countRefusal(device, "disabled", "device is disabled");
            return done(authError("device disabled", 5), false);
          }
          // Aedes closes an existing session with the same client id once this login succeeds: any other
          // id would let one device's credentials knock another device off (or squat on its id).
          if (client.id !== device.code) {
            router.countRefusal(device, "bad_client_id", `client id ${JSON.stringify(client.id.slice(0, 80))} is not the device code`);
            return done(authError("client id must be the device code", 2), false);
          }
          deviceOf.set(client, device);
          done(null, true);
        },
        (err: unknown) => {
          log.error({ err }, "device authentication failed");
          done(Object.assign(new Error("server unavailable"), { returnCode: 3 }) as AuthenticateError, false);
        },
      );
    },
    authorizePublish: (client, packet, done) => {
      if (!client) return done(null); // the platform's own publishes (commands)
      const device = deviceOf.get(client);
      const target = parseTopic(packet.topic);
      if (device && target?.code === device.code) return done(null);
      if (device) router.countRefusal(device, "foreign_topic", `publish to ${packet.topic}`);
      done(new Error("topic not allowed"));
    },
    authorizeSubscribe: (client, sub, done) => {
      const device = deviceOf.get(client);
      if (device && sub.topic === `sitecloud/v1/${device.code}/commands`) return done(null, sub);
      if (device) router.countRefusal(device, "foreign_topic", `subscribe to ${sub.topic}`);
      done(null, null);
    },
  });

  const deliver = (packet: { topic: string; payload: Buffer | string }, cb: () => void) => {
    const target = parseTopic(packet.topic);
    if (!target) return cb();
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    router.handle(target.code, target.kind, payload).then(
      () => cb(),
      (err: unknown) => {
        log.error({ err, topic: packet.topic }, "device message failed");
        cb();
      },
    );
  };
  await new Promise<void>((resolve) => broker.subscribe("sitecloud/v1/+/+", deliver, resolve));
  await new Promise<void>((resolve) => broker.subscribe("sitecloud/v1/+/commands/ack", deliver, resolve));

  const server: Server = createServer(broker.handle);
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => {
      broker.close();
      reject(
        err.code === "EADDRINUSE" ? new BrokerPortInUseError(opts.port) : err,
      );
    });
    server.listen(opts.port, opts.host, () => resolve((server.address() as { port: number }).port));
  });
  log.info({ port }, "embedded MQTT broker listening");

  return {
    port,
    publish: (topic, payload) =>
      new Promise((resolve, reject) =>
        broker.publish({ cmd: "publish", topic, payload: Buffer.from(payload), qos: 1, retain: false, dup: false }, (err) => (err ? reject(err) : resolve())),
      ),
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
