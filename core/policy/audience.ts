/** Who a maintenance is for. A computer outside its audience never sees it: not in notices, status or wake-ups. */
import type { Maintenance } from '../schedule/index.js';
import type { DeviceContext } from './types.js';

/** True when the maintenance is for everyone, or the computer is in any of its groups or has any of its tags. */
export function appliesTo(m: Maintenance, device: Pick<DeviceContext, 'groups' | 'tags'>): boolean {
  const { audience } = m;
  if (audience.all) return true;
  return device.groups.some((g) => audience.groups.includes(g)) || device.tags.some((t) => audience.tags.includes(t));
}
