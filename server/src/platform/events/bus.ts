import { EventEmitter } from "node:events";

export type DomainEvent = { type: string; payload: Record<string, unknown> };
export type EventHandler = (event: DomainEvent) => void | Promise<void>;

/**
 * After-commit domain events (`<module>.<entity>.<pastVerb>`). Handlers run after the response path has
 * moved on; a failing handler is logged and never breaks the publisher.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor(private readonly onError: (err: unknown, event: DomainEvent) => void = () => undefined) {
    this.emitter.setMaxListeners(100);
  }

  publish(type: string, payload: Record<string, unknown>): void {
    const event = { type, payload };
    for (const listener of this.emitter.listeners(type) as EventHandler[]) {
      queueMicrotask(() => {
        Promise.resolve()
          .then(() => listener(event))
          .catch((err) => this.onError(err, event));
      });
    }
  }

  on(type: string, handler: EventHandler): void {
    this.emitter.on(type, handler);
  }
}
