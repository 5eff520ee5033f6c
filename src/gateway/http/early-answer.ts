import { hash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PrefixingKeyValueCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { getOperationAST, parse, type DocumentNode, type GraphQLSchema, type ParseOptions } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { DocumentCachePolicies } from '../graphql/cache-policy.ts';
import type { ResponseStore } from '../graphql/response-cache.ts';
import {
  hashResponseKey,
  RESPONSE_KEY_PREFIX,
  type ResponseGeneration,
  type ResponseKeyData,
} from '../graphql/response-cache-keys.ts';
import type { OperationRecorder } from '../operations/metrics.ts';
import { sendAnswer } from './send-answer.ts';

/** What the early look-up reads: the stores and the schema Apollo uses, and where it counts. */
export interface EarlyAnswerDependencies {
  store: Pick<ResponseStore, 'peek' | 'countHit'>;
  generation: ResponseGeneration;
  /** Apollo's APQ store, unprefixed (Apollo prefixes `apq:` itself). */
  persistedQueries: KeyValueCache<string>;
  schema: GraphQLSchema;
  policies: DocumentCachePolicies;
  parseOptions: ParseOptions;
  record: OperationRecorder;
}

/** A request's GraphQL fields as Apollo reads them from a GET's search or a POST's JSON body. */
interface RequestFields {
  query: string | undefined;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  persistedHash: string | undefined;
}

/** What a stored answer holds (the plugin's `{ data, cachePolicy, cacheTime }`), the data as JSON. */
interface StoredAnswer {
  dataJson: string;
  cachePolicy: { scope?: unknown };
  cacheTime: number;
}

/** Apollo's prefix of APQ keys (`APQ_CACHE_PREFIX` in @apollo/server 5), put on the same way. */
const APQ_PREFIX = 'apq:';
/** How many parsed documents are kept: the distinct queries of the gateway's clients, roughly. */
const MAX_DOCUMENTS = 1000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A header's media type without parameters, lower case; undefined: no such header. */
const essenceOf = (header: string | undefined): string | undefined =>
  header?.split(';', 1)[0]?.trim().toLowerCase();

/**
 * The content type Apollo would answer with for this `Accept`, where that is plain to see without
 * a negotiator: none or only JSON wildcards → JSON; `application/graphql-response+json` first and
 * alone of its kind → that. Anything else is Apollo's to negotiate (null).
 */
const contentTypeFor = (accept: string | undefined): string | null => {
  if (accept === undefined || accept === '') return 'application/json; charset=utf-8';
  const items = accept.split(',').map((item) => item.trim().toLowerCase());
  if (items.some((item) => item.includes(';'))) return null;
  if (items.every((item) => item === '*/*' || item === 'application/*' || item === 'application/json'))
    return 'application/json; charset=utf-8';
  const graphqlResponse = 'application/graphql-response+json';
  if (items[0] === graphqlResponse && items.slice(1).every((item) => !item.includes('graphql')))
    return `${graphqlResponse}; charset=utf-8`;
  return null;
};

/** The persisted-query hash of `extensions`, '' when it has none, null when Apollo would refuse it. */
const persistedHashOf = (extensions: unknown): string | null => {
  if (extensions === undefined || extensions === null) return '';
  if (!isRecord(extensions)) return null;
  const persisted = extensions.persistedQuery;
  if (persisted === undefined || persisted === null) return '';
  if (!isRecord(persisted) || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string')
    return null;
  return persisted.sha256Hash;
};

const fieldsOf = (
  query: unknown,
  operationName: unknown,
  variables: unknown,
  extensions: unknown,
): RequestFields | null => {
  if (query !== undefined && typeof query !== 'string') return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
  const persistedHash = persistedHashOf(extensions);
  if (persistedHash === null) return null;
  if ((query === undefined || query === '') && persistedHash === '') return null;
  return {
    query: query === '' ? undefined : query,
    operationName: operationName ?? undefined,
    variables: isRecord(variables) ? variables : {},
    persistedHash: persistedHash === '' ? undefined : persistedHash,
  };
};

/** A GET's fields; null when any is given twice or is not JSON where JSON is due (Apollo refuses). */
const fromSearch = (search: string): RequestFields | null => {
  const params = new URLSearchParams(search);
  const once = (name: string): string | undefined | null => {
    const values = params.getAll(name);
    return values.length > 1 ? null : values[0];
  };
  const json = (name: string): unknown => {
    const value = once(name);
    if (value === undefined || value === null) return value;
    try {
      return JSON.parse(value);
    } catch {
      return null;
    }
  };
  const query = once('query');
  const operationName = once('operationName');
  const variables = json('variables');
  const extensions = json('extensions');
  if (query === null || operationName === null || variables === null || extensions === null) return null;
  return fieldsOf(query, operationName, variables, extensions);
};

const fromBody = (body: unknown): RequestFields | null =>
  isRecord(body) && Object.keys(body).length > 0
    ? fieldsOf(body.query, body.operationName, body.variables, body.extensions)
    : null;

const DATA_HEAD = '{"data":';
const POLICY_TAIL = ',"cachePolicy":';

/**
 * A stored answer, read as the plugin wrote it (`JSON.stringify({ data, cachePolicy, cacheTime })`):
 * the data's JSON is taken as it stands rather than parsed and written again, which gives the
 * same bytes (JSON.stringify of what JSON.parse reads from JSON.stringify's output is that output)
 * without the work, which grows with the answer. Only the small tail is parsed; anything not in
 * that shape is Apollo's to read (null).
 */
const parseStored = (stored: string): StoredAnswer | null => {
  const tail = stored.lastIndexOf(POLICY_TAIL);
  if (!stored.startsWith(DATA_HEAD) || tail < DATA_HEAD.length) return null;
  try {
    const rest: unknown = JSON.parse(`{${stored.slice(tail + 1)}`);
    if (!isRecord(rest) || !isRecord(rest.cachePolicy) || typeof rest.cacheTime !== 'number') return null;
    return {
      dataJson: stored.slice(DATA_HEAD.length, tail),
      cachePolicy: rest.cachePolicy,
      cacheTime: rest.cacheTime,
    };
  } catch {
    return null;
  }
};

/**
 * Answers a request from the response cache in the HTTP layer, without entering Apollo's
 * pipeline, when Apollo's response cache plugin would answer it from the same store: same query
 * text, resolved operation name, variables and read-model generation, the same key function
 * (graphql/response-cache-keys.ts). The answer is what Apollo would send for that hit, byte for
 * byte: `{"data":…}` and a newline, `Cache-Control` from the document's hints, `Age`, the content
 * type, then CORS, ETag, 304 and compression as for every answer (send-answer.ts); the metrics
 * count it as an operation like any other, and in `gateway_graphql_early_answers_total`.
 *
 * It only answers what it can tell for certain Apollo would answer the same way; everything else
 * goes on to Apollo as before (false): a request with `Authorization` (a caller's identity, and
 * Apollo would check the header), one Apollo's CSRF prevention would refuse, an `Accept` that
 * needs negotiating, anything malformed, a mutation, a document whose hints make it uncacheable,
 * a private answer, a miss. A miss is not counted here: the plugin's look-up that follows counts
 * it (with Redis that is a second read of the shared store, on misses only).
 */
export function createEarlyAnswers(deps: EarlyAnswerDependencies) {
  const persistedQueries = new PrefixingKeyValueCache(deps.persistedQueries, APQ_PREFIX);
  const documents = new LRUCache<string, DocumentNode | false>({ max: MAX_DOCUMENTS });
  const documentOf = (source: string): DocumentNode | null => {
    let document = documents.get(source);
    if (document === undefined) {
      try {
        document = parse(source, deps.parseOptions);
      } catch {
        document = false;
      }
      documents.set(source, document);
    }
    return document === false ? null : document;
  };

  /** The query text Apollo would run; undefined: Apollo's to answer (unknown or mismatched hash). */
  const sourceOf = async (fields: RequestFields): Promise<string | undefined> => {
    if (fields.persistedHash === undefined) return fields.query;
    if (fields.query === undefined) return persistedQueries.get(fields.persistedHash);
    return hash('sha256', fields.query, 'hex') === fields.persistedHash ? fields.query : undefined;
  };

  /** The stored answer Apollo's plugin would find for this request; null: Apollo's to answer. */
  const lookUp = async (req: IncomingMessage, request: { search: string; body: unknown }) => {
    if (req.headers.authorization !== undefined) return null;
    const contentType = essenceOf(req.headers['content-type']);
    let fields: RequestFields | null;
    if (req.method === 'GET') {
      // Apollo's CSRF prevention: a GET without a content type needs a preflight-forcing header.
      const preflighted =
        (req.headers['apollo-require-preflight'] ?? '') !== '' ||
        (req.headers['x-apollo-operation-name'] ?? '') !== '';
      if (contentType === undefined ? !preflighted : contentType !== 'application/json') return null;
      fields = fromSearch(request.search);
    } else if (req.method === 'POST' && contentType === 'application/json') {
      fields = fromBody(request.body);
    } else return null;
    if (fields === null) return null;
    const answerType = contentTypeFor(req.headers.accept);
    if (answerType === null) return null;
    const source = await sourceOf(fields);
    if (source === undefined) return null;
    const document = documentOf(source);
    if (document === null) return null;
    const operation = getOperationAST(document, fields.operationName);
    if (operation?.operation !== 'query') return null;
    const policy = deps.policies(deps.schema, document);
    if (policy.maxAge <= 0) return null;
    const operationName = operation.name?.value ?? null;
    const keyData: ResponseKeyData = {
      source,
      operationName,
      variables: { ...fields.variables },
      extra: deps.generation.current(),
      sessionMode: 0,
    };
    const stored = await deps.store.peek(RESPONSE_KEY_PREFIX + hashResponseKey(keyData));
    if (stored === undefined) return null;
    const answer = parseStored(stored);
    if (answer === null || answer.cachePolicy.scope === 'PRIVATE') return null;
    return { fields, answer, answerType, policy, operationName };
  };

  return async function answerEarly(
    req: IncomingMessage,
    res: ServerResponse,
    request: { search: string; body: unknown },
  ): Promise<boolean> {
    const started = performance.now();
    // A store that fails (Redis down past its fallback) leaves the request to Apollo, as a miss.
    const found = await lookUp(req, request).catch(() => null);
    if (found === null) return false;
    const { fields, answer, answerType, policy, operationName } = found;
    deps.store.countHit();
    // Apollo registers a persisted query sent with its text, in the background, after resolving it.
    if (fields.persistedHash !== undefined && fields.query !== undefined) {
      void persistedQueries.set(fields.persistedHash, fields.query).catch(() => {});
    }
    // In the order Apollo's plugins and runHttpQuery set them.
    res.setHeader('cache-control', `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}`);
    res.setHeader('age', String(Math.round((Date.now() - answer.cacheTime) / 1000)));
    res.setHeader('content-type', answerType);
    await sendAnswer(req, res, 200, `${DATA_HEAD}${answer.dataJson}}\n`);
    deps.record({
      name: operationName ?? undefined,
      outcome: 'ok',
      seconds: (performance.now() - started) / 1000,
      early: true,
    });
    return true;
  };
}

/** Answers a request early when it may (true), or leaves it to Apollo (false). */
export type EarlyAnswer = ReturnType<typeof createEarlyAnswers>;
