import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from "fastify";
import { pino } from "pino";
import pretty from "pino-pretty";
import type { Config } from "../../config.js";

/**
 * Fastify's per-request lines ("incoming request", "request completed") at debug instead of info: on a
 * terminal two lines per HTTP request bury what an operator needs to see (the start banner, warnings).
 * Failed requests keep Fastify's error-level line.
 */
class DebugRequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, "incoming request");
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) return super.requestCompleted(error, request, reply);
    if (!this.isLogDisabled(request)) reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, "request completed");
  }
}

export interface LoggingOptions {
  logger?: boolean | { level: string };
  loggerInstance?: FastifyBaseLogger;
  logController?: LogController;
}

/**
 * The Fastify logging options: JSON lines (for log collectors) unless `terminal`, then human-readable
 * lines with the request lines at debug. The pretty stream writes synchronously, so log lines and the
 * banner main.ts prints reach the terminal in the order they were produced. `destination` (tests)
 * replaces stdout.
 */
export function loggingOptions(level: Config["logLevel"], terminal: boolean, destination?: NodeJS.WritableStream): LoggingOptions {
  if (level === "silent") return { logger: false };
  if (!terminal) return destination ? { loggerInstance: pino({ level }, destination) } : { logger: { level } };
  const stream = pretty({ sync: true, colorize: !destination, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname", ...(destination ? { destination } : {}) });
  return { loggerInstance: pino({ level }, stream), logController: new DebugRequestLog() };
}

/**
 * Prints text to stdout after every line logged so far. JSON lines go to stdout through pino's
 * asynchronous writer, whose flush() does not wait for a write in progress, so text for stdout joins
 * that same writer; the terminal's pretty stream writes synchronously, so stdout is already in order.
 */
export function printAfterLogs(log: FastifyBaseLogger, text: string): void {
  const stream = (log as unknown as Record<symbol, { fd?: unknown; write?: (s: string) => unknown } | undefined>)[pino.symbols.streamSym];
  if (stream?.fd === 1 && typeof stream.write === "function") stream.write(text);
  else process.stdout.write(text);
}
