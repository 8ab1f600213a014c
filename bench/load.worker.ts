// Child process of the API benchmark: runs autocannon against one app and prints a JSON summary on stdout.
// Load generation lives in its own process so it does not compete with the server for the event loop.
import autocannon from "autocannon";
import type { LoadSpec, LoadSummary } from "./load.js";

const spec = JSON.parse(process.argv[2]) as LoadSpec;
let next = 0;

const cpu0 = process.cpuUsage();
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.durationSeconds,
  headers: spec.headers,
  // Each connection alternates: the filtered list page, then one project's detail (cycling over the ids).
  requests: [
    { method: "GET", path: spec.listPath },
    { method: "GET", setupRequest: (req) => ({ ...req, path: spec.detailPaths[next++ % spec.detailPaths.length] }) },
  ],
});

const summary: LoadSummary = {
  requests: result.requests.total,
  reqPerSec: result.requests.average,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  loadgenCpuMs: (() => {
    const cpu = process.cpuUsage(cpu0);
    return (cpu.user + cpu.system) / 1000;
  })(),
};
process.stdout.write(JSON.stringify(summary) + "\n");
