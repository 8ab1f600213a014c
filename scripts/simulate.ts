// `npm run simulate -- --sites 5 --rate 100`: publishes realistic telemetry for the seeded demo city over
// MQTT with the devices' real credentials, printing progress every 5 s. Ctrl-C (or --duration) stops it.
import { parseSimulateArgs } from "../server/src/seed/simulate.args";
import { startSimulator, type SimulatorStats } from "../server/src/seed/simulator";

const args = parseSimulateArgs(process.argv.slice(2));
if ("error" in args) {
  console.error(args.error);
  process.exit(2);
}

let sim;
try {
  sim = await startSimulator({ url: args.url, credentialsFile: args.credentials, sites: args.sites, rate: args.rate, anomaly: args.anomaly, log: (m) => console.log(m) });
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const started = Date.now();
let last: SimulatorStats = sim.stats();
let lastAt = started;
const report = () => {
  const s = sim.stats();
  const now = Date.now();
  const rate = ((s.sent - last.sent) * 1000) / Math.max(1, now - lastAt);
  console.log(
    `${Math.round((now - started) / 1000)} s: ${s.connected}/${s.devices} connected, sent ${s.sent}, acked ${s.acked}, failed ${s.failed}, ` +
      `${rate.toFixed(1)} msg/s, anomalies ${s.anomalies}, events ${s.events}, commands ${s.commands}`,
  );
  last = s;
  lastAt = now;
};
const ticker = setInterval(report, 5000);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  clearInterval(ticker);
  report();
  await sim.stop();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
if (args.duration) setTimeout(() => void stop(), args.duration * 1000);
