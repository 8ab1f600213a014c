import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

/** Runs `fn` under the V8 sampling profiler when a file is given (open the .cpuprofile in Chrome DevTools); `say` reports where it went. */
export async function withCpuProfile<T>(file: string | undefined, fn: () => Promise<T>, say: (m: string) => void): Promise<T> {
  if (!file) return fn();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await fn();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    say(`CPU profile written to ${file}`);
  }
}
