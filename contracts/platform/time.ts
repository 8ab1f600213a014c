/**
 * Calendar days and months in Asia/Shanghai, where attendance, expiry and pay days are reckoned. China has kept
 * UTC+8 without daylight saving since 1991, so plain arithmetic gives them — cheap enough for the gate-event hot path.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The day (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export const shanghaiDay = (at: Date | number = Date.now()): string => new Date(+at + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The month (YYYY-MM) of an instant in Asia/Shanghai. */
export const shanghaiMonth = (at: Date | number = Date.now()): string => shanghaiDay(at).slice(0, 7);
