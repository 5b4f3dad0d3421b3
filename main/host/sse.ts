/**
 * Server-Sent Events: pushes each bus event to every connected page as `event: <channel>` +
 * `data: <json>`, with a comment heartbeat so idle proxies and sleeping laptops notice dead sockets.
 */
import type { ServerResponse } from 'node:http';
import type { EventBus } from '../app/event-bus';
import { SECURITY_HEADERS } from './security-headers';

const HEARTBEAT_MS = 25_000;

export interface SseHub {
  attach(res: ServerResponse): void;
  close(): void;
  readonly clientCount: number;
}

/** Creates the hub and subscribes it to the bus. */
export function createSseHub(bus: EventBus): SseHub {
  const clients = new Set<ServerResponse>();
  const unsubscribe = bus.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of clients) res.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    attach(res) {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write('retry: 3000\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
    get clientCount() {
      return clients.size;
    },
  };
}
