// The page script that makes `window.forewarn` (core/agent-api.ts AgentBridge) in the browser preview, served
// as its own file, /preview-bridge.js, and loaded by index.html before the views' bundle (the CSP allows no
// inline script). It is plain ES2020 as the browser runs it, kept in a string because the Node build has no
// DOM types; test/integration/preview/browser.test.ts runs it in Chromium against the real engine.
//
// Requests: POST /api/<channel> with the JSON array of arguments; the session cookie goes along (same origin).
// An answer the engine gave (a snapshot, or an ActionResult, ok or refused) resolves the promise, and so does a
// 400 (an argument the contract's schema refused: an ActionResult naming the field), so a view can show its
// message; anything else (401, 403, 404, a lost connection) rejects. Events: one EventSource on /api/events,
// opened with the first listener.

import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../core/agent-api.js';

export const PREVIEW_BRIDGE_JS = `// Forewarn preview: window.forewarn over loopback HTTP (cli/preview/bridge-script.ts).
(() => {
  'use strict';
  const REQUESTS = ${JSON.stringify(REQUEST_CHANNELS)};
  const EVENTS = ${JSON.stringify(EVENT_CHANNELS)};
  const listeners = new Map(EVENTS.map((e) => [e, new Set()]));
  let source = null;
  function connect() {
    if (source !== null) return;
    source = new EventSource('/api/events');
    for (const channel of EVENTS) {
      source.addEventListener(channel, (event) => {
        let payload;
        try { payload = JSON.parse(event.data); } catch { return; }
        for (const listener of [...listeners.get(channel)]) {
          try { listener(payload); } catch (error) { console.error('forewarn preview: a listener failed', error); }
        }
      });
    }
  }
  async function request(channel, args) {
    const response = await fetch('/api/' + channel, {
      method: 'POST', credentials: 'same-origin', cache: 'no-store',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(args),
    });
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    if (response.ok) return body;
    if (body !== null && body.ok === false && body.error && typeof body.error.message === 'string') {
      if (response.status === 400) return body;
      throw new Error('forewarn preview: ' + body.error.message);
    }
    throw new Error('forewarn preview: ' + channel + ' answered HTTP ' + response.status);
  }
  const bridge = {};
  for (const channel of REQUESTS) bridge[channel] = (...args) => request(channel, args);
  bridge.on = (channel, listener) => {
    const set = listeners.get(channel);
    if (set === undefined) throw new Error('forewarn preview: no event channel ' + JSON.stringify(channel));
    if (typeof listener !== 'function') throw new TypeError('forewarn preview: the listener must be a function');
    set.add(listener);
    connect();
    return () => { set.delete(listener); };
  };
  Object.defineProperty(window, 'forewarn', { value: Object.freeze(bridge), writable: false, configurable: false, enumerable: true });
})();
`;
