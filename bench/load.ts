import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface LoadSpec {
  url: string;
  listPath: string;
  detailPaths: string[];
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadSummary {
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU time the load generator itself used during the run. */
  loadgenCpuMs: number;
}

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "load.worker.ts");

/** Runs autocannon in a child process (node --import tsx) and returns its summary. */
export function runLoad(spec: LoadSpec): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(spec)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`load worker exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? "") as LoadSummary);
      } catch (err) {
        reject(new Error(`load worker printed no summary: ${out} (${String(err)})`));
      }
    });
  });
}
