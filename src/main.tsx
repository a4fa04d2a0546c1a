// Composition root: creates the explorer from the URL, starts loading the built-in graph while
// React mounts, keeps the URL in step, and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@react-sigma/core/lib/style.css';
import './ui/styles.css';
import { App } from './app/App.tsx';
import { browserServices } from './app/services.ts';
import { createExplorer } from './state/actions.ts';
import { connectUrl } from './state/url-sync.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">.');
const explorer = createExplorer(window.location.search, {
  ...browserServices(),
  viewStorage: window.localStorage,
  endpointStorage: window.localStorage,
});
connectUrl(explorer.store, explorer.actions, window);
void explorer.actions.loadBuiltIn();
createRoot(root).render(
  <StrictMode>
    <App explorer={explorer} />
  </StrictMode>,
);
