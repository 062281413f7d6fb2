// The one way out of the renderer: window.forewarn, the AgentBridge of core/agent-api.ts. Types only from core;
// the object itself comes from preload/ (Electron) or /preview-bridge.js (forewarn preview).
import type { AgentBridge } from '../core/agent-api.js';

declare global {
  interface Window {
    forewarn?: AgentBridge;
  }
}

/**
 * The bridge, waiting a little for it: the preview's bridge script may still be loading when the app starts.
 * Rejects after `timeoutMs` so the view can say plainly that the agent is out of reach.
 */
export async function waitForBridge(timeoutMs = 5000): Promise<AgentBridge> {
  const step = 50;
  for (let waited = 0; waited <= timeoutMs; waited += step) {
    if (window.forewarn !== undefined) return window.forewarn;
    await new Promise((resolve) => setTimeout(resolve, step));
  }
  throw new Error('window.forewarn is missing: the views were opened without the Forewarn agent');
}
