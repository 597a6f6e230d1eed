/**
 * Test-runner plugin (Node side): the mock's realtime channel on the test server's own origin, and a
 * `realtime-server` command that starts, stops and restarts a second, real mock server (same port, same
 * conversations) so a browser test can kill the backend mid-conversation.
 * Browser side: `executeServerCommand('realtime-server', { action: 'start' | 'stop' | 'restart' })` → `{ url }`.
 */
import type { Server } from 'node:http';
import type { EventEmitter } from 'node:events';
import { startMockServer } from '../../src/mock/hosts/node-server.js';
import { createRealtimeHub, type RealtimeHub } from '../../src/mock/realtime/hub.js';
import { attachRealtime } from '../../src/mock/realtime/node-upgrade.js';

interface Standalone {
  server?: Server;
  port: number;
  hub: RealtimeHub;
}

export function realtimeServerPlugin(hub: RealtimeHub) {
  let standalone: Standalone | undefined;
  const stop = async () => {
    const server = standalone?.server;
    if (!server || !standalone) return;
    standalone.server = undefined;
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  };
  return {
    name: 'mooni-realtime',
    serverStart({ server }: { server?: EventEmitter }) {
      // Upgrades only: the test runner's HTTP routes for the mock are in the config's `middleware`.
      if (server) attachRealtime(server, hub);
    },
    async serverStop() {
      await stop();
    },
    async executeCommand({ command, payload }: { command: string; payload?: unknown }) {
      if (command !== 'realtime-server') return undefined;
      const action = (payload as { action?: string } | undefined)?.action;
      if (action === 'stop') {
        await stop();
        return { ok: true };
      }
      if (action === 'start' || !standalone) {
        await stop();
        standalone = { port: 0, hub: createRealtimeHub({ heartbeatMs: 1000 }) };
      }
      if (!standalone.server) {
        const started = await startMockServer(standalone.port, { chunkDelayMs: 0, realtime: { hub: standalone.hub } });
        standalone.server = started.server;
        standalone.port = Number(new URL(started.url).port);
      }
      return { url: `http://127.0.0.1:${standalone.port}` };
    },
  };
}
