// The device table's filters. Applying them asks the server again (the API filters; the page does not hide
// rows itself), so the table, the CSV and the numbers always agree.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { NO_FILTERS, STATES, type Filters } from './api-types.js';
import { stateLabel } from './format.js';

export function DeviceFilters(props: { applied: Filters; maintenances: string[]; groups: string[]; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState<Filters>(props.applied);
  const id = useId();
  useEffect(() => setDraft(props.applied), [props.applied]);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onApply(draft);
  };

  return (
    <form className="filters" onSubmit={submit} aria-label="Filter devices">
      <div className="field">
        <label htmlFor={`${id}-state`}>State</label>
        <select id={`${id}-state`} name="state" value={draft.state} onChange={set('state')}>
          <option value="">Any state</option>
          {[...STATES, 'past-deadline', 'offline'].map((s) => <option key={s} value={s}>{stateLabel(s)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-maintenance`}>Maintenance</label>
        <select id={`${id}-maintenance`} name="maintenance" value={draft.maintenance} onChange={set('maintenance')}>
          <option value="">All maintenances</option>
          {props.maintenances.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-group`}>Group</label>
        <input id={`${id}-group`} name="group" type="text" list={`${id}-groups`} autoComplete="off" spellCheck={false} value={draft.group} onChange={set('group')} />
        <datalist id={`${id}-groups`}>{props.groups.map((g) => <option key={g} value={g} />)}</datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-deferrals`}>Deferred at least</label>
        <input id={`${id}-deferrals`} name="minDeferrals" type="number" min={0} max={9999} inputMode="numeric" value={draft.minDeferrals} onChange={set('minDeferrals')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-seen`}>Last seen before (UTC)</label>
        <input id={`${id}-seen`} name="lastSeenBefore" type="datetime-local" value={draft.lastSeenBefore} onChange={set('lastSeenBefore')} />
      </div>
      <div className="actions">
        <button type="submit" className="primary">Apply filters</button>
        <button type="button" onClick={() => { setDraft(NO_FILTERS); props.onApply(NO_FILTERS); }}>Clear filters</button>
      </div>
    </form>
  );
}
