/** Command-line options of `npm run seed`. */
export interface SeedArgs {
  scale: number;
}

export const SEED_USAGE = "usage: npm run seed -- [--scale <positive number, default 1, at most 100>]";

/** Parses `--scale 5` / `--scale=5`; returns an error message (for exit code 2) instead of throwing. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs | { error: string } {
  let scale = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const inline = /^--scale=(.*)$/.exec(arg);
    if (arg !== "--scale" && !inline) return { error: `unknown argument "${arg}"\n${SEED_USAGE}` };
    const raw = inline ? inline[1] : argv[++i];
    // Number("") is 0 and Number(" 2 ") is 2; demand a plain decimal so typos are not silently accepted.
    if (raw === undefined || !/^\d*\.?\d+$/.test(raw)) return { error: `--scale must be a positive number, got "${raw ?? ""}"\n${SEED_USAGE}` };
    scale = Number(raw);
    if (!(scale > 0) || scale > 100) return { error: `--scale must be greater than 0 and at most 100, got ${raw}\n${SEED_USAGE}` };
  }
  return { scale };
}
