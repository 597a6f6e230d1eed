/**
 * The realtime channel on a Node HTTP server (`npm run mock`, Vite's dev server, the test runner's server):
 * upgrades requests for the hub's paths with `ws` and leaves every other upgrade (Vite's HMR, the test
 * runner's own socket) to its owner. Node only: never part of a browser bundle.
 */
import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RealtimeHub } from './hub.js';

/** Serves `hub` on a Node HTTP(S) server; returns a function that detaches it and closes its sockets. */
export function attachRealtime(server: EventEmitter, hub: RealtimeHub): () => void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', `ws://${request.headers.host ?? 'localhost'}`);
    if (!hub.handles(url.pathname)) return;
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      const connection = hub.connect(url, {
        send: (text) => webSocket.readyState === webSocket.OPEN && webSocket.send(text),
        close: (code, reason) => webSocket.close(code, reason),
      });
      webSocket.on('message', (data, isBinary) => {
        if (isBinary)
          webSocket.send(JSON.stringify({ type: 'error', code: 'invalid_frame', message: 'Text frames only.' }));
        else connection.receive(data.toString());
      });
      webSocket.on('close', () => connection.closed());
      webSocket.on('error', () => webSocket.terminate());
    });
  };
  server.on('upgrade', upgrade);
  return () => {
    server.off('upgrade', upgrade);
    for (const client of sockets.clients) client.terminate();
    sockets.close();
  };
}
