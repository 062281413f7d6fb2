// Entry point: mounts the dashboard. Loaded as a module script from index.html (the CSP allows no inline script).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './dashboard.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(<StrictMode><App /></StrictMode>);
