/** The chart's resolution choices; `auto` lets the server pick from the span (1m up to 6 h, else 1h). */
export const RESOLUTIONS = ["auto", "raw", "1m", "1h"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** The longest window the server serves per resolution (raw readings 1 day, minute rollups 7 days). */
const MAX_SPAN_MS: Partial<Record<Resolution, number>> = { raw: 86_400_000, "1m": 7 * 86_400_000 };

/** Whether a resolution can be asked for this window, so the chart never offers a request the server refuses. */
export const resolutionAllowed = (r: Resolution, rangeMs: number) => rangeMs <= (MAX_SPAN_MS[r] ?? Infinity);
