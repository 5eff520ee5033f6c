/* global document, localStorage, window, URL, React, ReactDOM, GraphiQL */
// A served file rather than an inline script, so that the page's CSP can allow scripts from 'self' only.
const root = document.getElementById('graphiql');
const examples = document.getElementById('playground-examples');
if (root === null || examples === null)
  throw new Error('The playground page lacks #graphiql or its examples.');
const tabs = JSON.parse(examples.textContent ?? '[]');

// graphql-ws's own browser client, served by the gateway: subscriptions over WebSocket at the
// same path (ws: or wss: as the page's origin).
const { createClient } = await import(root.dataset.graphqlWs);
const wsUrl = new URL(root.dataset.endpoint, window.location.href);
wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';

// Connects on the first subscription only.
const wsClient = createClient({ url: wsUrl.href, lazy: true });
const sendToGateway = GraphiQL.createFetcher({
  // Same origin, as the server wrote it into the page; a JSON POST is not a "simple" request, so
  // Apollo's CSRF prevention lets it through without extra headers.
  url: root.dataset.endpoint,
  // The gateway serves neither @defer nor @stream: plain JSON responses.
  enableIncrementalDelivery: false,
  wsClient,
});

/**
 * GraphiQL 3.8 can hand its fetcher the operation name and the parsed document of the tab shown
 * before, when a tab is run right after switching to it: the gateway then answers "Unknown
 * operation", or the fetcher, which picks WebSocket for a subscription it finds in that stale
 * document, sends a subscription over HTTP. So the operation is read from the query text itself:
 * a name the text does not define, or none, becomes the text's own operation when it has exactly
 * one, and a subscription always goes over WebSocket.
 */
const operations = (query) =>
  // Comments removed first: their words ("a mutation in another tab") are no operations.
  [
    ...query
      .replace(/#[^\n\r]*/g, '')
      .matchAll(/\b(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g),
  ].map((m) => ({
    type: m[1],
    name: m[2],
  }));
const fetcher = (params, options) => {
  const defined = operations(params.query ?? '');
  const chosen =
    defined.find((o) => o.name === params.operationName) ?? (defined.length === 1 ? defined[0] : undefined);
  const request = { ...params, operationName: chosen?.name };
  if (chosen?.type === 'subscription') {
    return wsClient.iterate({
      query: request.query,
      variables: request.variables,
      operationName: chosen.name,
    });
  }
  return sendToGateway(request, options);
};

// GraphiQL 3.8 opens the first of `defaultTabs` without its variables (it takes them only from the
// `variables` prop or its storage): hand them over on a first visit; later visits restore their tabs.
const firstVisit = localStorage.getItem('graphiql:tabState') === null;

ReactDOM.createRoot(root).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: tabs,
    defaultEditorToolsVisibility: true,
    ...(firstVisit && tabs.length > 0 ? { variables: tabs[0].variables } : {}),
  }),
);
