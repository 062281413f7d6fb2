/**
 * The main-process side of the AgentApi: one ipcMain.handle per request channel of REQUEST_ARGS (so a channel
 * added to the contract is registered here without a code change, and nothing else is). Every call is checked
 * twice before the engine sees it, because a renderer may be compromised:
 *  1. the sender is one of OUR windows (its webContents id is in the presenter's set) and the frame that sent
 *     it shows our own origin (forewarn://app/) — a page that got navigated elsewhere cannot call in;
 *  2. the arguments pass the contract's zod schema (parseRequest): a bad argument never reaches the engine.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  parseRequest, REQUEST_CHANNELS, type ActionResult, type AgentEvents, type AgentRequests, type RequestChannel, type Snapshot,
} from '../../core/agent-api.js';
import { refusalText } from '../../core/messages/index.js';
import type { Logger } from '../engine/ports.js';
import { APP_ORIGIN } from './security.js';

export interface IpcOptions {
  requests: AgentRequests;
  /** The presenter's set of our windows' webContents ids. */
  isOurs(webContentsId: number): boolean;
  logger: Logger;
  /** The reader's language for a refusal made here (the latest snapshot's); English when none yet. */
  locale?: () => string;
}

/** Why a sender is refused, or null when it is ours. */
export function senderRefusal(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, isOurs: (id: number) => boolean): string | null {
  if (!isOurs(event.sender.id)) return 'not one of our windows';
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return 'the sending frame is gone';
  // Node's URL gives custom schemes the origin "null", so compare the prefix (the trailing "/" stops
  // "forewarn://app.evil/"). Only the top frame: our pages have no frames (CSP frame-src 'none').
  if (!frame.url.startsWith(`${APP_ORIGIN}/`)) return `the sending frame is not ${APP_ORIGIN}/`;
  if (frame.parent !== null) return 'the sending frame is a subframe';
  return null;
}

/** Handles one invoke: sender check, argument check, then the engine. Exported for tests. */
export async function handleRequest(
  options: IpcOptions, channel: RequestChannel, event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, args: unknown[],
): Promise<ActionResult | Snapshot> {
  const refusal = senderRefusal(event, options.isOurs);
  if (refusal !== null) {
    options.logger.warn('IPC request refused', { channel, reason: refusal, sender: event.sender.id });
    // Thrown, so the untrusted caller learns nothing but "rejected".
    throw new Error(`forewarn: ${channel} refused: ${refusal}`);
  }
  const parsed = parseRequest(channel, args);
  if (!parsed.ok) {
    options.logger.warn('IPC request with an invalid argument', { channel, message: parsed.error.message });
    return { ok: false, error: parsed.error };
  }
  const method = options.requests[channel] as (...a: unknown[]) => Promise<ActionResult | Snapshot>;
  try {
    return await method.apply(options.requests, parsed.args as unknown[]);
  } catch (error) {
    // The contract: a request never throws across the boundary; the view gets a refusal it can show.
    options.logger.error('IPC request failed', { channel, error: String((error as Error)?.stack ?? error) });
    const message = refusalText('not-running', { locale: options.locale?.() ?? 'en', zone: 'UTC', now: 0 });
    return { ok: false, error: { code: 'not-running', message, detail: String((error as Error)?.message ?? error).slice(0, 500) } };
  }
}

/** Registers every request channel; returns the function that removes them (app quit, tests). */
export function registerIpc(options: IpcOptions): () => void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handleRequest(options, channel, event, args));
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Pushes one AgentEvents event to a view (typed: the payload must match the channel). */
export function pushEvent<E extends keyof AgentEvents>(contents: Pick<WebContents, 'send'>, channel: E, payload: AgentEvents[E]): void {
  contents.send(channel, payload);
}
