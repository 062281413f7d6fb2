/**
 * The computer's IANA time zone, read fresh on every call. Node's ICU reads the zone once at start and caches
 * it, so after the person changes the zone (travel, a DST-less zone switch) Intl keeps answering the old one
 * until the agent restarts. The system settings themselves are cheap to read, so we read them.
 *
 * Order: TZ in the environment (it is what every program started with it uses), then /etc/localtime's link
 * target (Linux and macOS: .../zoneinfo/Europe/Paris), then Debian's /etc/timezone, then Intl. Every candidate
 * is validated with core's isValidZone, so a garbage value falls through instead of poisoning plan().
 * Windows: Intl only (the registry holds Windows zone ids that need CLDR's mapping table; Electron's
 * powerMonitor / a restart of the agent picks the change up there).
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isValidZone } from '../../core/time/zoned.js';

export interface ZoneSources {
  platform?: string;
  /** File-system root; default "/". */
  root?: string;
  env?: NodeJS.ProcessEnv;
  /** The last resort; default Intl's (cached) zone. */
  intlZone?: () => string;
}

/** "…/zoneinfo/America/Argentina/Buenos_Aires" -> "America/Argentina/Buenos_Aires"; null when not a zoneinfo path. */
export function zoneFromZoneinfoPath(path: string): string | null {
  const i = path.lastIndexOf('zoneinfo/');
  if (i < 0) return null;
  // posix/ and right/ are alternative trees of the same zones (leap-second variants).
  const name = path.slice(i + 'zoneinfo/'.length).replace(/^(posix|right)\//, '');
  return name === '' ? null : name;
}

/** TZ as the C library reads it: an optional leading ":" before a zone name. Offsets like "EST5EDT" are not IANA names we keep. */
export function zoneFromTzEnv(tz: string | undefined): string | null {
  if (tz === undefined || tz.trim() === '') return null;
  const name = tz.trim().replace(/^:/, '');
  const fromPath = name.startsWith('/') ? zoneFromZoneinfoPath(name) : name;
  return fromPath !== null && (fromPath.includes('/') || fromPath === 'UTC') ? fromPath : null;
}

export function readSystemZone(sources: ZoneSources = {}): string {
  const valid = (zone: string | null): zone is string => zone !== null && isValidZone(zone);
  const env = sources.env ?? process.env;
  const fromEnv = zoneFromTzEnv(env['TZ']);
  if (valid(fromEnv)) return fromEnv;
  const platform = sources.platform ?? process.platform;
  if (platform !== 'win32') {
    const root = sources.root ?? '/';
    try {
      const link = zoneFromZoneinfoPath(readlinkSync(join(root, 'etc/localtime')));
      if (valid(link)) return link;
    } catch {
      // Not a symlink (a copied file on some distributions) or missing: try the next source.
    }
    try {
      const debian = readFileSync(join(root, 'etc/timezone'), 'utf8').trim();
      if (valid(debian)) return debian;
    } catch {
      // Only Debian-family systems have it.
    }
  }
  return (sources.intlZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone))();
}
