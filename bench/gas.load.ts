import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadSummary } from "./load.js";

export interface GasLoadSpec {
  url: string;
  path: string;
  /** The city the bodies are drawn from (see `checkBody`). */
  stations: number;
  cylinders: number;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "gas.load.worker.ts");

/** Runs autocannon in its own process (node --import tsx), so it does not compete for the server's event loop. */
export function runGasLoad(spec: GasLoadSpec): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(spec)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`gas load worker exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? "") as LoadSummary);
      } catch (err) {
        reject(new Error(`gas load worker printed no summary: ${out} (${String(err)})`));
      }
    });
  });
}

export const stationCode = (i: number) => `ST${String(i).padStart(4, "0")}`;
export const cylinderCode = (i: number) => `YK${String(i).padStart(8, "0")}`;
/** The station that owns cylinder `i` (the loader files cylinders round-robin over the stations). */
export const ownerOf = (i: number, stations: number) => i % stations;

/**
 * One random check: 90 % at the cylinder's own station, 8 % at a foreign one, 2 % an unknown code — the mix a
 * city's scales would send (mostly own cylinders, a few strays, the odd typo).
 */
export function checkBody(stations: number, cylinders: number, rnd = Math.random): string {
  const r = rnd();
  const i = Math.floor(rnd() * cylinders);
  if (r < 0.02) return JSON.stringify({ stationCode: stationCode(ownerOf(i, stations)), cylinderCode: `XX${i}` });
  const station = r < 0.1 ? (ownerOf(i, stations) + 1) % stations : ownerOf(i, stations);
  return JSON.stringify({ stationCode: stationCode(station), cylinderCode: cylinderCode(i) });
}
