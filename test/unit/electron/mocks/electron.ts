/**
 * The ONE hand-written `electron` mock (Electron Fiddle's tests/mocks/electron.ts pattern): every Electron API
 * the shell uses, as small classes and vi.fn()s that record what they were asked, so adapter tests assert what
 * main/electron asked of Electron without the binary (which cannot be downloaded here: ENVIRONMENT.md).
 * Use with `vi.mock('electron', () => import('./mocks/electron.js'))`; call `resetElectronMock()` in beforeEach.
 * preload.test.ts hands the same module to the built preload as its `require('electron')`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

let nextContentsId = 1;

export class MockWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  url = '';
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  send = vi.fn();
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: 'allow' | 'deny' }) => {
    this.windowOpenHandler = handler;
  });
  getURL = () => this.url;
  isDestroyed = () => this.destroyed;
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static getAllWindows = () => BrowserWindow.windows.filter((w) => !w.destroyed);
  readonly webContents = new MockWebContents();
  readonly options: Record<string, any>;
  destroyed = false;
  visible = false;
  minimized = false;
  closable: boolean;
  alwaysOnTop: boolean;
  loadURL = vi.fn(async (url: string) => {
    this.webContents.url = url;
  });
  show = vi.fn(() => { this.visible = true; });
  focus = vi.fn();
  restore = vi.fn(() => { this.minimized = false; });
  isMinimized = () => this.minimized;
  isDestroyed = () => this.destroyed;
  setClosable = vi.fn((value: boolean) => { this.closable = value; });
  setAlwaysOnTop = vi.fn((value: boolean) => { this.alwaysOnTop = value; });
  /** Like Electron: 'close' can be prevented; then 'closed' and the webContents go away. */
  close = vi.fn(() => {
    let prevented = false;
    this.emit('close', { preventDefault: () => { prevented = true; } });
    if (!prevented && this.closable) this.destroy();
  });
  destroy = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.webContents.emit('destroyed');
    this.emit('closed');
  });
  minimize = () => {
    this.minimized = true;
    this.emit('minimize');
  };

  constructor(options: Record<string, any> = {}) {
    super();
    this.options = options;
    this.closable = options['closable'] ?? true;
    this.alwaysOnTop = options['alwaysOnTop'] ?? false;
    BrowserWindow.windows.push(this);
    // Real windows emit ready-to-show after the first paint; the mock does it on the next tick.
    queueMicrotask(() => this.emit('ready-to-show'));
  }
}

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  image: unknown;
  tooltip = '';
  menu: { template: any[] } | undefined;
  setImage = vi.fn((image: unknown) => { this.image = image; });
  setToolTip = vi.fn((text: string) => { this.tooltip = text; });
  setContextMenu = vi.fn((menu: { template: any[] }) => { this.menu = menu; });
  destroy = vi.fn();
  constructor(image: unknown) {
    super();
    this.image = image;
    Tray.instances.push(this);
  }
}

export const Menu = { buildFromTemplate: vi.fn((template: any[]) => ({ template })) };

export const nativeImage = {
  createFromPath: vi.fn((path: string) => ({ path, isEmpty: () => false })),
};

export class Notification extends EventEmitter {
  static supported = true;
  static isSupported = () => Notification.supported;
  static instances: Notification[] = [];
  readonly options: Record<string, any>;
  /** What the OS does on show(): 'show' (accepted) or 'failed'. */
  static outcome: 'show' | 'failed' = 'show';
  show = vi.fn(() => {
    if (Notification.outcome === 'show') this.emit('show', {});
    else this.emit('failed', {}, 'no notification service');
  });
  close = vi.fn(() => this.emit('close', {}));
  constructor(options: Record<string, any> = {}) {
    super();
    this.options = options;
    Notification.instances.push(this);
  }
}

type Handler = (event: any, ...args: unknown[]) => unknown;
export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => void ipcMain.handlers.delete(channel)),
  on: vi.fn(),
};

/** The renderer side, for the built preload: invoke records, on/removeListener keep real listeners. */
class MockIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
  send = vi.fn();
  sendSync = vi.fn();
}
export const ipcRenderer = new MockIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => void contextBridge.exposed.set(key, api)),
};

export const protocol = {
  privileged: [] as any[],
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn((schemes: any[]) => void protocol.privileged.push(...schemes)),
  handle: vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => void protocol.handlers.set(scheme, handler)),
};

class MockSession {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | undefined;
  setPermissionRequestHandler = vi.fn((handler: MockSession['permissionRequestHandler']) => { this.permissionRequestHandler = handler; });
  setPermissionCheckHandler = vi.fn((handler: MockSession['permissionCheckHandler']) => { this.permissionCheckHandler = handler; });
}
export const session = { defaultSession: new MockSession() };

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

/** A reversible stand-in for the OS key store (never plain text on disk, so the test can tell). */
export const safeStorage = {
  available: true,
  isEncryptionAvailable: () => safeStorage.available,
  encryptString: vi.fn((text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`)),
  decryptString: vi.fn((data: Buffer) => {
    const s = data.toString();
    if (!s.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(s.slice('sealed:'.length), 'hex').toString();
  }),
};

export const net = { fetch: vi.fn((input: string, init?: RequestInit) => fetch(input, init)) };

class MockPowerMonitor extends EventEmitter {
  getSystemIdleTime = () => 0;
}
export const powerMonitor = new MockPowerMonitor();

class MockApp extends EventEmitter {
  isPackaged = false;
  userData = '';
  gotLock = true;
  setAppUserModelId = vi.fn();
  requestSingleInstanceLock = vi.fn(() => this.gotLock);
  quit = vi.fn();
  exit = vi.fn();
  whenReady = vi.fn(async () => undefined);
  getPath = vi.fn((name: string) => {
    if (name === 'userData') return this.userData;
    throw new Error(`mock app.getPath: ${name} not set`);
  });
  getVersion = () => '0.1.0';
  getName = () => 'Forewarn';
  setLoginItemSettings = vi.fn();
  getLoginItemSettings = vi.fn(() => ({ openAtLogin: false, wasOpenedAtLogin: false }));
  showAboutPanel = vi.fn();
}
export const app = new MockApp();

/** Forget every recorded call and instance (call in beforeEach). */
export function resetElectronMock(): void {
  vi.clearAllMocks();
  BrowserWindow.windows = [];
  Tray.instances = [];
  Notification.instances = [];
  Notification.supported = true;
  Notification.outcome = 'show';
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  session.defaultSession = new MockSession();
  safeStorage.available = true;
  powerMonitor.removeAllListeners();
  app.removeAllListeners();
  app.isPackaged = false;
  app.gotLock = true;
}

const electron = {
  app, BrowserWindow, Tray, Menu, nativeImage, Notification, ipcMain, ipcRenderer, contextBridge, protocol, session, shell,
  safeStorage, net, powerMonitor,
};
export default electron;
