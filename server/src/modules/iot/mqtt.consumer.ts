import { randomBytes } from "node:crypto";
import mqtt, { type MqttClient } from "mqtt";
import type { FastifyBaseLogger } from "fastify";
import type { DeviceLink } from "./broker.js";
import { parseTopic, type DeviceMessageRouter } from "./device-message.router.js";

/** The shared-subscription group: brokers split the device topics among all ingest processes in it. */
export const INGEST_GROUP = "sitecloud-ingest";
const DEVICE_TOPICS = ["sitecloud/v1/+/telemetry", "sitecloud/v1/+/status", "sitecloud/v1/+/events", "sitecloud/v1/+/commands/ack"];

async function connect(url: string, options: mqtt.IClientOptions, log: FastifyBaseLogger): Promise<MqttClient> {
  const client = mqtt.connect(url, { protocolVersion: 5, reconnectPeriod: 1000, connectTimeout: 10_000, ...options });
  client.on("error", (err) => log.error({ err }, "MQTT client error"));
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("error", reject);
  });
  return client;
}

/**
 * Consumes device topics from an external broker (MQTT_URL) through an MQTT 5 shared subscription, so
 * several ingest processes split the load. The session is persistent (clean start off, a day's expiry)
 * and PUBACK is sent only after the pipeline stored the message: a process killed mid-batch gets its
 * unacknowledged messages again when it reconnects with the same client id.
 */
export async function startMqttConsumer(opts: { url: string; ingestId: string | null; router: DeviceMessageRouter; log: FastifyBaseLogger }): Promise<DeviceLink> {
  const { router, log } = opts;
  const clientId = `sitecloud-ingest-${opts.ingestId ?? randomBytes(4).toString("hex")}`;
  const client = await connect(
    opts.url,
    {
      clientId,
      clean: false,
      properties: { sessionExpiryInterval: 86_400, receiveMaximum: 10_000 },
      customHandleAcks: (topic, message, _packet, done) => {
        const target = parseTopic(topic);
        if (!target) return done(0);
        router.handle(target.code, target.kind, message).then(
          () => done(0),
          (err: unknown) => {
            // Not acknowledged: the broker redelivers it (after reconnect), and storage is idempotent.
            log.error({ err, topic }, "device message failed");
          },
        );
      },
    },
    log,
  );
  await client.subscribeAsync(
    DEVICE_TOPICS.map((t) => `$share/${INGEST_GROUP}/${t}`),
    { qos: 1 },
  );
  log.info({ clientId }, "consuming device topics from the external MQTT broker");
  return publisherOf(client);
}

/** A publish-only connection to the external broker, for processes that send commands but do not ingest. */
export async function connectPublisher(url: string, log: FastifyBaseLogger): Promise<DeviceLink> {
  return publisherOf(await connect(url, { clientId: `sitecloud-api-${randomBytes(4).toString("hex")}`, clean: true }, log));
}

function publisherOf(client: MqttClient): DeviceLink {
  return {
    publish: async (topic, payload) => {
      await client.publishAsync(topic, payload, { qos: 1 });
    },
    close: async () => {
      await client.endAsync();
    },
  };
}
