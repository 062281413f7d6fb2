/**
 * The desktop app's entry point (package.json "main": dist/main/electron/main.js). Everything is composed in
 * app.ts; this file only runs it and makes a failed start visible instead of leaving a silent tray-less process.
 */
import { app } from 'electron';
import { startApp } from './app.js';

startApp().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', message: 'Forewarn failed to start', error: String(error) })}\n`);
  app.exit(1);
});
