import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Before App so that it lands ahead of the feature stylesheets App pulls in: a feature's own rules then override the
// shared pattern the way they did when each feature carried its own copy.
import './styles/components.css';
import { App } from './App.js';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
