/**
 * A typed publish/subscribe bus for the contract's push events. Services publish; each transport
 * (IPC to windows, SSE to browsers) subscribes once and forwards.
 */
import type { EventChannel, EventPayloads } from '@core/api-contract';

export type EventListener = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

export interface EventBus {
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
}

/** Creates an in-process bus; a throwing listener never stops delivery to the others. */
export function createEventBus(log: (line: string) => void = () => {}): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const listener of listeners) {
        try {
          listener(event, payload);
        } catch (err) {
          log(`event listener failed on ${event}: ${(err as Error).message}`);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
