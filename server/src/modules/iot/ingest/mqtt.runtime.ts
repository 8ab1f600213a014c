import { randomBytes } from "node:crypto";
import mqtt, { type IPublishPacket, type MqttClient } from "mqtt";
import type { FastifyBaseLogger } from "fastify";
import type { DeviceLink } from "./broker.runtime.js";
import { parseTopic, type DeviceMessageRouter } from "./device-message.pipeline.js";

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

/** mqtt.js's packet writer: it has no public way to send a PUBACK later. */
type PacketWriter = { _sendPacket(packet: { cmd: "puback"; messageId: number; reasonCode: number }): void };
/** Handing this to mqtt.js's message callback makes it skip its own PUBACK and read the next packet at once. */
const ACK_LATER = new Error("PUBACK deferred until the message is stored");
/** After a message failed (not acknowledged), reconnect this much later so the broker redelivers it. */
const REDELIVERY_RECONNECT_MS = 5_000;

/**
 * Consumes device topics from an external broker (MQTT_URL) through an MQTT 5 shared subscription, so
 * several ingest processes split the load. The session is persistent (clean start off, a day's expiry)
 * and a PUBACK is sent only once the pipeline has stored the message: a process killed mid-batch gets
 * its unacknowledged messages again when it reconnects with the same client id.
 *
 * mqtt.js would handle one message at a time (its next packet waits for the PUBACK), which would make
 * every batch one message long. So messages are handed to the pipeline as they arrive and their PUBACKs
 * are sent later, in arrival order (MQTT 5 §4.6) and only on the connection that received them.
 */
export async function startMqttConsumer(opts: { url: string; ingestId: string | null; router: DeviceMessageRouter; log: FastifyBaseLogger }): Promise<DeviceLink> {
  const { router, log } = opts;
  const clientId = `sitecloud-ingest-${opts.ingestId ?? randomBytes(4).toString("hex")}`;
  const client = mqtt.connect(opts.url, {
    protocolVersion: 5,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    clientId,
    clean: false,
    properties: { sessionExpiryInterval: 86_400, receiveMaximum: 10_000 },
  });
  client.on("error", (err) => log.error({ err }, "MQTT client error"));
  let connection = 0;
  let unacked: { id: number; connection: number; state: "working" | "stored" | "failed" }[] = [];
  let reconnectTimer: NodeJS.Timeout | null = null;
  client.on("connect", () => {
    connection++;
    unacked = [];
  });
  const sendReadyAcks = () => {
    let n = 0;
    for (; n < unacked.length && unacked[n].state !== "working"; n++) {
      const m = unacked[n];
      if (m.state === "stored" && m.connection === connection && client.connected) (client as unknown as PacketWriter)._sendPacket({ cmd: "puback", messageId: m.id, reasonCode: 0 });
    }
    if (n > 0) unacked.splice(0, n);
  };
  client.handleMessage = (packet: IPublishPacket, callback) => {
    const target = parseTopic(packet.topic);
    if (packet.qos !== 1 || packet.messageId === undefined || !target) return callback();
    const entry = { id: packet.messageId, connection, state: "working" as "working" | "stored" | "failed" };
    unacked.push(entry);
    router.handle(target.code, target.kind, packet.payload as Buffer).then(
      () => {
        entry.state = "stored";
        sendReadyAcks();
      },
      (err: unknown) => {
        // Not acknowledged: a reconnect makes the broker redeliver it; storage is idempotent.
        log.error({ err, topic: packet.topic }, "device message failed; it will be redelivered");
        entry.state = "failed";
        sendReadyAcks();
        reconnectTimer ??= setTimeout(() => {
          reconnectTimer = null;
          client.stream?.destroy();
        }, REDELIVERY_RECONNECT_MS);
      },
    );
    callback(ACK_LATER);
  };
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("error", reject);
  });
  await client.subscribeAsync(
    DEVICE_TOPICS.map((t) => `$share/${INGEST_GROUP}/${t}`),
    { qos: 1 },
  );
  log.info({ clientId }, "consuming device topics from the external MQTT broker");
  const link = publisherOf(client);
  return {
    ...link,
    close: async () => {
      if (reconnectTimer) clearTimeout(reconnectTimer);
      await link.close();
    },
  };
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
