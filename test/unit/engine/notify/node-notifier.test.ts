import { expect, it } from 'vitest';
import { notifySendArgs } from '../../../../main/engine/notify/node-notifier.js';
import type { OsNotification } from '../../../../main/engine/ports.js';

const n: OsNotification = { id: 'n-1', title: '-t 0', body: 'Body', urgency: 'critical', opens: { view: 'notice', notice: 'n-1' } };

it('notify-send argv: app name, urgency, a default action, the stable stack tag, text after "--"', () => {
  expect(notifySendArgs(n)).toEqual(['--print-id', '--app-name=Forewarn', '--urgency=critical', '--action=default=Open',
    '--hint=string:x-dunst-stack-tag:forewarn-n-1', '--', '-t 0', 'Body']);
});

it('replacing passes the daemon id; an icon is passed when there is one', () => {
  const args = notifySendArgs(n, { replaceId: 42, icon: '/opt/forewarn/icon.png' });
  expect(args).toContain('--replace-id=42');
  expect(args).toContain('--icon=/opt/forewarn/icon.png');
  expect(args.slice(-3)).toEqual(['--', '-t 0', 'Body']);
});
