// The devices as the server filtered them: one row per device and maintenance. The device id is a button
// that opens its timeline (Enter or Space from the keyboard, like any button).
import type { DeviceRow } from './api-types.js';
import { formatTime, stateLabel } from './format.js';

export const openerId = (row: Pick<DeviceRow, 'device' | 'maintenance'>): string => `open-${row.device}--${row.maintenance}`;

export function DeviceTable(props: { rows: DeviceRow[]; fleet: string; onOpen: (row: DeviceRow) => void; selected: string | null }) {
  const showGroups = props.rows.some((r) => Array.isArray(r.groups));
  return (
    <div className="table-scroll" role="region" aria-labelledby="devices-caption" tabIndex={0}>
      <table className="devices">
        <caption id="devices-caption">Devices of {props.fleet}: {props.rows.length} {props.rows.length === 1 ? 'row' : 'rows'}</caption>
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">Maintenance</th>
            <th scope="col">Latest state</th>
            <th scope="col">Furthest</th>
            <th scope="col">Deferrals</th>
            <th scope="col">Deadline (UTC)</th>
            <th scope="col">Last seen (UTC)</th>
            <th scope="col">Flags</th>
            {showGroups && <th scope="col">Groups</th>}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 && (
            <tr><td colSpan={showGroups ? 9 : 8} className="empty">No device matches these filters.</td></tr>
          )}
          {props.rows.map((r) => (
            <tr key={`${r.device}/${r.maintenance}`} data-device={r.device}>
              <th scope="row">
                <button type="button" className="link" id={openerId(r)}
                  aria-current={props.selected === r.device ? 'true' : undefined} onClick={() => props.onOpen(r)}>{r.device}</button>
              </th>
              <td>{r.maintenance}</td>
              <td data-col="latest"><span className={`state state-${r.latest.state}`}>{stateLabel(r.latest.state)}</span></td>
              <td>{stateLabel(r.furthest.state)}</td>
              <td className="num">{r.deferrals.count}</td>
              <td>{formatTime(r.deadline, false)}</td>
              <td>{formatTime(r.lastSeen, false)}</td>
              <td className="flags">
                {r.pastDeadline && <span className="flag warn">Past deadline</span>}
                {r.offline && <span className="flag">Offline</span>}
              </td>
              {showGroups && <td>{(r.groups ?? []).join(', ') || '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
