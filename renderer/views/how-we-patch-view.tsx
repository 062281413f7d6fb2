// "How we patch": the policy IT wrote and signed (snapshot.schedule.policy), under plain headings.
import type { Policy } from '../../core/schedule/index.js';
import type { UiMessageId } from '../../core/messages/index.js';
import { LinkedText } from '../linked-text.js';
import { useView } from '../view-context.js';
import { ViewHeading } from '../view-heading.js';

type PatchType = keyof NonNullable<Policy['patchTypes']>;
type Topic = Exclude<keyof Policy, 'patchTypes'>;

const PATCH_TYPES: Array<[PatchType, UiMessageId]> = [
  ['security', 'policy.security'], ['quality', 'policy.quality'], ['feature', 'policy.feature'],
  ['drivers', 'policy.drivers'], ['thirdParty', 'policy.thirdParty'],
];
const TOPICS: Array<[Topic, UiMessageId]> = [
  ['cadence', 'policy.cadence'], ['restarts', 'policy.restarts'], ['outOfBand', 'policy.outOfBand'],
  ['failures', 'policy.failures'], ['testing', 'policy.testing'], ['coverage', 'policy.coverage'],
];

export function HowWePatchView() {
  const { snapshot, ui } = useView();
  const policy = snapshot.schedule?.policy;
  const topics = TOPICS.filter(([k]) => policy?.[k] !== undefined);
  const types = PATCH_TYPES.filter(([k]) => policy?.patchTypes?.[k] !== undefined);
  return (
    <article data-view="how-we-patch">
      <ViewHeading>{ui.t('policy.title')}</ViewHeading>
      <p className="lead">{ui.t('policy.intro')}</p>
      {topics.length === 0 && types.length === 0 && <p>{ui.t('ui.policy.empty')}</p>}
      {topics.map(([key, label]) => (
        <section key={key} className="card" aria-labelledby={`policy-${key}`}>
          <h2 id={`policy-${key}`}>{ui.t(label)}</h2>
          <p dir="auto"><LinkedText text={policy?.[key] ?? ''} /></p>
        </section>
      ))}
      {types.map(([key, label]) => (
        <section key={key} className="card" aria-labelledby={`patch-${key}`}>
          <h2 id={`patch-${key}`}>{ui.t(label)}</h2>
          <p dir="auto"><LinkedText text={policy?.patchTypes?.[key] ?? ''} /></p>
        </section>
      ))}
    </article>
  );
}
