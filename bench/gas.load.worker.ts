// Child process of the gas benchmark: closed-loop POSTs of pre-fill checks (each connection sends its next
// request when the answer arrives), each with a random body (gas.load.ts `checkBody`); prints a JSON summary on stdout.
import autocannon from "autocannon";
import { checkBody, type GasLoadSpec } from "./gas.load.js";
import type { LoadSummary } from "./load.js";

const spec = JSON.parse(process.argv[2]) as GasLoadSpec;

const cpu0 = process.cpuUsage();
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.durationSeconds,
  headers: { ...spec.headers, "content-type": "application/json" },
  requests: [{ method: "POST", path: spec.path, setupRequest: (req) => ({ ...req, body: checkBody(spec.stations, spec.cylinders) }) }],
});

const cpu = process.cpuUsage(cpu0);
const summary: LoadSummary = {
  requests: result.requests.total,
  reqPerSec: result.requests.average,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  loadgenCpuMs: (cpu.user + cpu.system) / 1000,
};
process.stdout.write(JSON.stringify(summary) + "\n");
