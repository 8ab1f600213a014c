import { createServer } from "node:net";

/** A port the process must listen on is taken; the message says which setting to change. */
export class PortInUseError extends Error {}

/** Whether `port` can be listened on at `host` right now (it is released again at once). */
export function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => (err.code === "EADDRINUSE" ? resolve(false) : reject(err)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The first free port after `port` (at most `tries` of them, skipping `avoid`), or null. */
export async function nextFreePort(port: number, host: string, opts: { avoid?: number[]; tries?: number } = {}): Promise<number | null> {
  const { avoid = [], tries = 100 } = opts;
  for (let p = port + 1; p <= Math.min(port + tries, 65535); p++) {
    if (!avoid.includes(p) && (await portIsFree(p, host))) return p;
  }
  return null;
}
