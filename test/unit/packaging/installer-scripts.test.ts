/**
 * The installers' machine-wide start at login (docs/packaging.md): the deb/rpm scripts that write and remove
 * /etc/xdg/autostart/forewarn.desktop, the pkg's postinstall and LaunchAgent, and the NSIS include writing
 * HKLM\…\Run. Each exists, is wired in electron-builder.yml the way electron-builder resolves it, and the Linux
 * scripts really run (POSIX sh, against a temporary root through DESTDIR).
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
// Where electron-builder installs deb/rpm (LinuxTargetHelper.installPrefix / sanitized productName / executableName).
const LINUX_BIN = `/opt/${config.productName}/${config.linux.executableName}`;
const LINUX_EXEC = `${LINUX_BIN} --autostart`;
const INSTALL = join(ROOT, 'build/linux/after-install.sh');
const REMOVE = join(ROOT, 'build/linux/after-remove.sh');
const PKG_SCRIPTS = resolve(ROOT, config.directories.buildResources, config.pkg.scripts); // as app-builder-lib's pkg.js resolves it
const NSH = join(ROOT, 'build/win/installer.nsh');
const SHELL = existsSync('/usr/bin/dash') ? '/usr/bin/dash' : '/bin/sh'; // dash when there: it rejects bashisms

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Throws unless `xml` is well-formed: every tag closed in order, one root, no stray < or & (plist's parser is lenient). */
function checkWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').replace(/<!DOCTYPE[^>]*>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  let roots = 0;
  const text = body.replace(/<(\/?)([A-Za-z][\w.-]*)(?:\s+[\w.-]+="[^"<]*")*\s*(\/?)>/g, (_tag, close: string, name: string, empty: string) => {
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> does not close the open element`);
    } else {
      if (stack.length === 0) roots++;
      if (!empty) stack.push(name);
    }
    return '';
  });
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(', ')}`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
  if (/<|&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error('a stray < or &');
}

/** The desktop entry's keys (pure). */
function desktopEntry(text: string): Record<string, string> {
  const lines = text.split('\n');
  expect(lines[0]).toBe('[Desktop Entry]');
  return Object.fromEntries(lines.slice(1).filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

describe('Linux deb/rpm scripts', () => {
  let staged: string | undefined;
  afterEach(() => {
    if (staged) rmSync(staged, { recursive: true, force: true });
    staged = undefined;
  });
  const run = (script: string, args: string[] = []): void => {
    execFileSync(SHELL, [script, ...args], { env: { PATH: process.env['PATH'], DESTDIR: staged }, stdio: 'pipe' });
  };

  it('are wired for deb and rpm, executable, and POSIX sh', () => {
    for (const target of ['deb', 'rpm']) {
      expect(resolve(ROOT, config[target].afterInstall), target).toBe(INSTALL);
      expect(resolve(ROOT, config[target].afterRemove), target).toBe(REMOVE);
    }
    for (const script of [INSTALL, REMOVE]) {
      const text = readFileSync(script, 'utf8');
      expect(text.startsWith('#!/bin/sh\n'), script).toBe(true);
      expect(text).toMatch(/^set -e$/m);
      expect(isExecutable(script), `${script} is not executable`).toBe(true);
      execFileSync(SHELL, ['-n', script]);
      // electron-builder expands ${word} as its own macro and fails the build on an unknown one.
      expect(text.match(/\$\{[a-zA-Z]+\}|<%=/g), script).toBeNull();
    }
  });

  it('after-install writes the machine-wide autostart entry (idempotently) and the /usr/bin link', () => {
    staged = mkdtempSync(join(tmpdir(), 'forewarn-root-'));
    const entryPath = join(staged, 'etc/xdg/autostart/forewarn.desktop');
    run(INSTALL, ['configure']);
    const first = readFileSync(entryPath, 'utf8');
    run(INSTALL, ['2']); // rpm %post on upgrade
    expect(readFileSync(entryPath, 'utf8')).toBe(first);
    const entry = desktopEntry(first);
    expect(entry).toMatchObject({ Type: 'Application', Name: config.productName, Exec: LINUX_EXEC, 'X-GNOME-Autostart-enabled': 'true' });
    expect(entry['StartupWMClass']).toBe(config.linux.desktop.entry.StartupWMClass);
    expect(statSync(entryPath).mode & 0o777).toBe(0o644);
    expect(readlinkSync(join(staged, 'usr/bin', config.linux.executableName))).toBe(LINUX_BIN);
    expect(execFileSync('ls', ['-A', join(staged, 'etc/xdg/autostart')], { encoding: 'utf8' }).trim()).toBe('forewarn.desktop'); // no temp file left
  });

  it('after-remove removes it on removal, keeps it on upgrade, and may run twice', () => {
    staged = mkdtempSync(join(tmpdir(), 'forewarn-root-'));
    const entryPath = join(staged, 'etc/xdg/autostart/forewarn.desktop');
    run(INSTALL);
    for (const upgrade of ['upgrade', 'failed-upgrade', 'abort-upgrade', '1', '2']) {
      run(REMOVE, [upgrade]);
      expect(existsSync(entryPath), `postrm ${upgrade}`).toBe(true);
    }
    for (const removal of [['remove'], ['purge'], ['0'], []]) {
      run(INSTALL);
      run(REMOVE, removal);
      expect(existsSync(entryPath), `postrm ${removal.join(' ')}`).toBe(false);
      expect(() => lstatSync(join(staged!, 'usr/bin', config.linux.executableName))).toThrow();
      run(REMOVE, removal);
    }
  });
});

describe('macOS pkg', () => {
  it('pkg.scripts (relative to buildResources) holds an executable, POSIX postinstall installing the LaunchAgent root:wheel 0644', () => {
    expect(PKG_SCRIPTS).toBe(join(ROOT, 'build/mac/pkg-scripts'));
    const postinstall = join(PKG_SCRIPTS, 'postinstall');
    expect(isExecutable(postinstall)).toBe(true);
    execFileSync(SHELL, ['-n', postinstall]);
    const text = readFileSync(postinstall, 'utf8');
    expect(text).toMatch(/^set -e$/m);
    expect(text).toContain(`AGENT=${config.appId}.plist`);
    expect(text).toContain('/Library/LaunchAgents');
    expect(text).toContain('chown root:wheel');
    expect(text).toMatch(/chmod 0?644/);
  });

  it('the LaunchAgent is a well-formed plist starting the app’s binary in every Aqua session', () => {
    // The plist parser electron-builder itself uses (a dependency of app-builder-lib).
    const require = createRequire(import.meta.url);
    const plist = createRequire(require.resolve('app-builder-lib/package.json'))('plist') as { parse(xml: string): unknown };
    const xml = readFileSync(join(PKG_SCRIPTS, `${config.appId}.plist`), 'utf8');
    checkWellFormed(xml);
    const agent = plist.parse(xml) as Record<string, unknown>;
    expect(agent).toEqual({
      Label: config.appId,
      ProgramArguments: [`/Applications/${config.productName}.app/Contents/MacOS/${config.productName}`, '--autostart'],
      RunAtLoad: true,
      LimitLoadToSessionType: 'Aqua',
      ProcessType: 'Interactive',
      AssociatedBundleIdentifiers: config.appId,
    });
    expect(config.pkg.installLocation).toBe('/Applications');
    // The check can fail.
    expect(() => checkWellFormed('<plist version="1.0"><dict><key>Label</key></plist>')).toThrow();
    expect(() => checkWellFormed('<plist><true/></plist><plist/>')).toThrow();
    expect(() => checkWellFormed('<plist><string>a < b</string></plist>')).toThrow();
  });
});

describe('Windows NSIS', () => {
  it('nsis.include defines customInstall (per machine) and customUnInstall for the HKLM Run value', () => {
    expect(resolve(ROOT, config.nsis.include)).toBe(NSH);
    const text = readFileSync(NSH, 'utf8');
    const macro = (name: string): string => text.match(new RegExp(`^!macro ${name}\\n([\\s\\S]*?)^!macroend`, 'm'))?.[1] ?? '';
    const run = 'HKLM "Software\\Microsoft\\Windows\\CurrentVersion\\Run" "Forewarn"';
    expect(macro('customInstall')).toContain(`WriteRegStr ${run} '"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" --autostart'`);
    expect(macro('customInstall')).toContain('$installMode == "all"');
    expect(macro('customUnInstall')).toContain(`DeleteRegValue ${run}`);
    expect(macro('customUnInstall')).toContain('${isUpdated}');
    expect(config.nsis.perMachine).toBe(true);
  });
});
