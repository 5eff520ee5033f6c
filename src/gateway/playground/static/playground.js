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

const fetcher = GraphiQL.createFetcher({
  // Same origin, as the server wrote it into the page; a JSON POST is not a "simple" request, so
  // Apollo's CSRF prevention lets it through without extra headers.
  url: root.dataset.endpoint,
  // The gateway serves neither @defer nor @stream: plain JSON responses.
  enableIncrementalDelivery: false,
  // Connects on the first subscription only.
  wsClient: createClient({ url: wsUrl.href, lazy: true }),
});

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
