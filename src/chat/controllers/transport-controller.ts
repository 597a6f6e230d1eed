import type { ReactiveController, ReactiveElement } from 'lit';
import { ChatHttpError, type ChatTransport, type FetchLike } from '../model.js';
import type { PanelModule } from '../load-panel.js';
import type { AuthScheme } from '../transports/mind-expression.js';
import { loadPanelOnce } from './panel-loader-controller.js';

type Transport = ChatTransport & {
  reset?(): void;
  /** Mind Expression: opens the engine's conversation, giving its greeting when this call opened it. */
  handshake?(): Promise<string | undefined>;
};

/** How long the header waits for the tenant's name. */
const CONFIG_TIMEOUT_MS = 10_000;

/** What the controller needs from its element: the attributes that say which backend answers, and how. */
export interface TransportHost extends ReactiveElement {
  readonly transport: 'mooni' | 'mind-expression' | 'realtime';
  readonly apiBase: string;
  readonly apiKey: string;
  readonly engineUrl: string;
  readonly authKey: string;
  readonly authScheme: AuthScheme;
  readonly developerId: string;
  readonly scopeId: string;
  readonly fetcher?: FetchLike;
  readonly showing: boolean;
}

const connectionOf = (host: TransportHost) => [
  host.transport,
  host.apiBase,
  host.apiKey,
  host.engineUrl,
  host.authKey,
  host.authScheme,
  host.developerId,
  host.scopeId,
  host.fetcher,
];

/**
 * The backend connection: a Mooni Chat or Mind Expression transport made on first use and made again when
 * an attribute it depends on changes; the tenant's name for the header, asked once the panel shows; one
 * console warning for a refused key.
 */
export class TransportController implements ReactiveController {
  /** The tenant's display name from the backend; `''` until known. */
  tenant = '';
  #client?: Transport;
  #connection: unknown[] = [];
  #configAsked = false;
  #warned = false;

  /** @param realtime Makes the realtime channel's transport (`transport="realtime"`). */
  constructor(
    private readonly host: TransportHost,
    private readonly realtime: () => ChatTransport,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const connection = connectionOf(this.host);
    if (connection.some((value, index) => value !== this.#connection[index])) {
      this.#connection = connection;
      this.#client = undefined;
      this.#configAsked = false;
    }
    if (this.host.showing && !this.#configAsked) {
      this.#configAsked = true;
      this.client.config?.(AbortSignal.timeout(CONFIG_TIMEOUT_MS)).then(
        (config) => {
          if (!config?.name) return;
          this.tenant = config.name;
          this.host.requestUpdate();
        },
        // The header keeps its default title; a bad key is worth one warning.
        (error: unknown) => {
          if (error instanceof ChatHttpError && error.status === 401) this.warnUnauthorized();
        },
      );
    }
  }

  get client(): Transport {
    this.#client ??=
      this.host.transport === 'realtime'
        ? this.#realtime()
        : fromPanel(this.host.transport === 'mind-expression' ? this.#gateway() : this.#mooni());
    return this.#client;
  }

  /** Forgets the conversation the backend keeps (Mind Expression's conversation id). */
  reset(): void {
    this.#client?.reset?.();
  }

  warnUnauthorized(): void {
    if (!this.#warned) console.warn('<mooni-frame>: HTTP 401, check the api-key (or auth-key) attribute.');
    this.#warned = true;
  }

  #mooni(): (module: PanelModule) => Transport {
    const { apiBase, apiKey, fetcher } = this.host;
    return (module) => module.createMooniTransport({ apiBase, apiKey, fetch: fetcher });
  }

  /** Questions over the channel; the tenant's name still from Mooni Chat's `/config`. */
  #realtime(): Transport {
    const { config } = fromPanel(this.#mooni());
    return { config, send: this.realtime().send };
  }

  #gateway(): (module: PanelModule) => Promise<Transport> {
    const { engineUrl, authKey, authScheme, developerId, scopeId, fetcher } = this.host;
    return async (module) =>
      (await module.loadMindExpression()).createMindExpressionTransport({
        engineUrl,
        authKey,
        authScheme,
        developerId,
        scopeId,
        fetch: fetcher,
      });
  }
}

/**
 * A transport made on first use from the panel module, where both clients live (a closed launcher needs
 * neither). A failed load fails the answer (or the tenant's name) like a failed request; the next use loads again.
 */
function fromPanel(make: (module: PanelModule) => Transport | Promise<Transport>): Transport {
  let made: Transport | undefined;
  let making: Promise<Transport> | undefined;
  const client = () =>
    (making ??= loadPanelOnce()
      .then(make)
      .then(
        (transport) => (made = transport),
        (error: unknown) => {
          making = undefined;
          throw error;
        },
      ));
  return {
    async *send(query, context) {
      yield* (await client()).send(query, context);
    },
    config: async (signal) => (await client()).config?.(signal),
    handshake: async () => (await client()).handshake?.(),
    reset: () => made?.reset?.(),
  };
}
