// A notice about planned updates (advance, starting, all done, catch-up...): what will happen and when, with
// "OK, got it", which tells IT the person has seen it.
import { ActionResultMessage, useAction } from '../action-result.js';
import { MaintenanceDetails } from '../maintenance-details.js';
import { pickNotice } from '../pick-notice.js';
import { useView } from '../view-context.js';
import { ViewHeading } from '../view-heading.js';

export function AdvanceNoticeView() {
  const { snapshot, route, ui, bridge } = useView();
  const action = useAction();
  const notice = pickNotice(snapshot, route, false);
  const maintenanceId = notice?.maintenance ?? route.maintenance ?? snapshot.focus?.id;
  const maintenance = snapshot.maintenances.find((m) => m.id === maintenanceId);
  if (notice === undefined && maintenance === undefined) {
    return <><ViewHeading>{ui.t('ui.notice.none')}</ViewHeading><p>{snapshot.tray.label}</p></>;
  }
  const read = maintenance?.acknowledgedAt !== undefined;
  return (
    <article className="notice" data-view="notice">
      <ViewHeading>{notice?.title ?? maintenance?.title}</ViewHeading>
      {notice !== undefined && <p className="lead">{notice.body}</p>}
      {maintenance !== undefined && <MaintenanceDetails maintenance={maintenance} brief={notice !== undefined} />}
      {maintenanceId !== undefined && (
        <div className="actions">
          {read ? <p className="done-note">{ui.t('ui.notice.read')}</p> : (
            <button type="button" className="primary" aria-disabled={action.busy || undefined}
              onClick={() => void action.run(() => bridge.acknowledge(maintenanceId), () => ui.t('ui.result.acknowledged'))}>
              {ui.t('common.acknowledge')}
            </button>
          )}
        </div>
      )}
      <ActionResultMessage action={action} />
    </article>
  );
}
