/**
 * The hardening the whole shell shares (Electron's security tutorial, docs/agent.md "Electron shell and
 * hardening"): the web preferences of every window, the Content-Security-Policy the custom protocol sends, and the
 * handlers that deny navigation, new windows, webviews and permission requests. One file, so a reviewer finds the
 * one place that decides each item.
 */
import type { Session, WebContents, WebPreferences } from 'electron';

/** The custom protocol the views load from (never file://): `forewarn://app/index.html#/<view>`. */
export const SCHEME = 'forewarn';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${SCHEME}://${APP_HOST}`;

/**
 * Only our own bundled files: no inline script or style (vite builds with nothing inline), no eval, no network
 * (the views talk to main through the preload only), no frames, no plugins, no forms posting anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Every BrowserWindow gets exactly these (electronegativity and the tutorial check each flag). */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A middle click (auxclick) cannot open anything either.
    disableBlinkFeatures: 'Auxclick',
    // Do not let a hidden or covered window's timers be throttled: the countdown must stay on time.
    backgroundThrottling: false,
  };
}

/**
 * Our views never navigate: they are one page switching on the hash. Anything else (a link without a handler,
 * a redirect, window.open, a <webview>) is refused here and logged, whatever the page asks.
 */
export function hardenWebContents(contents: WebContents, log: (message: string, fields: Record<string, unknown>) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log('navigation denied', { url });
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log('redirect denied', { url });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview denied', {});
  });
  contents.setWindowOpenHandler(({ url }) => {
    log('new window denied', { url });
    return { action: 'deny' };
  });
}

/** No view needs a camera, notifications from the page, geolocation, the clipboard…: every request is refused. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
