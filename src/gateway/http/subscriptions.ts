import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { isAppError } from '../errors.ts';
import type { GatewayContext } from '../graphql/context.ts';

/** The limits of the WebSocket endpoint. */
export interface SubscriptionLimits {
  /** Open WebSocket connections per process; beyond it an upgrade is answered 503. */
  maxConnections: number;
  /** The interval of the server's pings; a client that does not answer one is dropped. */
  keepAliveMs: number;
  /** A connection with no subscription running for this long is closed. */
  idleTimeoutMs: number;
  /** How long a new connection may take to send connection_init. */
  initTimeoutMs: number;
}

/** What the endpoint needs from the gateway. */
export interface SubscriptionEndpointOptions {
  path: string;
  schema: GraphQLSchema;
  /** The same limits as queries over HTTP (depth, aliases, cost …). */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  context(request: IncomingMessage): GatewayContext;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  limits: SubscriptionLimits;
}

/** A running WebSocket endpoint. */
export interface SubscriptionEndpoint {
  /** Open connections now. */
  connections(): number;
  /** Closes every connection (1001, going away) and stops accepting new ones. */
  close(): Promise<void>;
}

/** graphql-ws's close code for a server going away, and ours for an idle connection. */
const GOING_AWAY = 1001;
const IDLE = 4408;

/**
 * `Subscription` over graphql-ws (the protocol Apollo Client and urql speak) at the GraphQL path
 * of the HTTP server. Only subscriptions: queries and mutations go over HTTP, where the response
 * cache, the login guard and the metrics are. Each operation is parsed with the token limit and
 * validated with the same rules as over HTTP before it runs.
 */
export function attachSubscriptions(
  server: Server,
  options: SubscriptionEndpointOptions,
): SubscriptionEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const { limits } = options;
  const active = new Map<WebSocket, { running: number; idle: NodeJS.Timeout | null }>();

  const armIdle = (socket: WebSocket) => {
    const entry = active.get(socket);
    if (entry === undefined || entry.running > 0) return;
    if (entry.idle !== null) clearTimeout(entry.idle);
    entry.idle = setTimeout(() => socket.close(IDLE, 'Idle: no subscription'), limits.idleTimeoutMs);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== options.path) {
      socket.destroy();
      return;
    }
    if (active.size >= limits.maxConnections) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      active.set(ws, { running: 0, idle: null });
      armIdle(ws);
      ws.once('close', () => {
        const entry = active.get(ws);
        if (entry?.idle != null) clearTimeout(entry.idle);
        active.delete(ws);
      });
      wss.emit('connection', ws, request);
    });
  };
  server.on('upgrade', onUpgrade);

  const tooComplexOrInvalid = (document: DocumentNode): readonly GraphQLError[] =>
    validate(options.schema, document, [...specifiedRules, ...options.validationRules]);

  // An error the change stream itself throws (not a resolver's) reaches here wrapped, without a
  // path: formatError is handed the gateway's own error inside, so that its code and message show.
  const format = (error: GraphQLError): GraphQLFormattedError =>
    options.formatError(
      error.toJSON(),
      error.path === undefined && isAppError(error.originalError) ? error.originalError : error,
    );

  const disposable = useServer(
    {
      schema: options.schema,
      connectionInitWaitTimeout: limits.initTimeoutMs,
      onSubscribe: (_ctx, _id, payload) => {
        // Labelled as Apollo labels them over HTTP, so that formatError treats both transports alike.
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          const message = error instanceof Error ? error.message : 'The query could not be parsed.';
          return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = tooComplexOrInvalid(document);
        if (errors.length > 0) {
          return errors.map(
            (error) =>
              new GraphQLError(error.message, {
                nodes: error.nodes,
                originalError: error,
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
          );
        }
        const operation = getOperationAST(document, payload.operationName ?? undefined);
        if (operation?.operation !== 'subscription') {
          return [
            new GraphQLError(
              'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
              {
                extensions: { code: 'BAD_USER_INPUT' },
              },
            ),
          ];
        }
        return undefined;
      },
      context: (ctx) => options.context(ctx.extra.request),
      onOperation: (ctx) => {
        const entry = active.get(ctx.extra.socket);
        if (entry === undefined) return;
        entry.running += 1;
        if (entry.idle !== null) clearTimeout(entry.idle);
        entry.idle = null;
      },
      onComplete: (ctx) => {
        const entry = active.get(ctx.extra.socket);
        if (entry === undefined) return;
        entry.running = Math.max(0, entry.running - 1);
        armIdle(ctx.extra.socket);
      },
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors === undefined ? undefined : { ...result, errors: result.errors.map(format) },
    },
    wss,
    limits.keepAliveMs,
  );

  return {
    connections: () => active.size,
    close: async () => {
      server.off('upgrade', onUpgrade);
      for (const ws of active.keys()) ws.close(GOING_AWAY, 'The gateway is shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
