// Help: common questions, who to contact and the schedule's links. Links go through openHelpLink: main opens
// only https links listed in the signed schedule, and a refusal is shown next to the link.
import { HelpLink } from '../help-link.js';
import { LinkedText } from '../linked-text.js';
import { useView } from '../view-context.js';
import { ViewHeading } from '../view-heading.js';

export function HelpView() {
  const { snapshot, ui } = useView();
  const support = snapshot.schedule?.support;
  const links = snapshot.schedule?.links ?? [];
  const contacts = support?.contacts ?? [];
  return (
    <article data-view="help">
      <ViewHeading>{ui.t('help.title')}</ViewHeading>
      <p className="lead">{ui.t('help.intro')}</p>
      {(support?.faq.length ?? 0) > 0 && (
        <section aria-labelledby="faq-heading">
          <h2 id="faq-heading">{ui.t('help.faq')}</h2>
          {support?.faq.map((f, i) => (
            <div className="faq" key={i}>
              <h3 dir="auto">{f.question}</h3>
              <p dir="auto"><LinkedText text={f.answer} /></p>
            </div>
          ))}
          {support?.faqUrl !== undefined && <p><HelpLink url={support.faqUrl}>{ui.t('help.faqPage')}</HelpLink></p>}
        </section>
      )}
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">{ui.t('help.contacts')}</h2>
        {contacts.length === 0 && <p>{ui.t('ui.help.empty')}</p>}
        {contacts.map((c) => (
          <div className="card contact" key={c.name}>
            <h3 dir="auto">{c.name}</h3>
            {c.role !== undefined && <p dir="auto">{c.role}</p>}
            <ul className="plain">
              {c.email !== undefined && <li>{ui.t('help.email', { email: c.email })}</li>}
              {c.phone !== undefined && <li>{ui.t('help.phone', { phone: c.phone })}</li>}
              {c.hours !== undefined && <li>{ui.t('help.hours', { hours: c.hours })}</li>}
              {c.chat !== undefined && <li><HelpLink url={c.chat}>{ui.t('help.chat')}</HelpLink></li>}
            </ul>
          </div>
        ))}
      </section>
      {links.length > 0 && (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">{ui.t('ui.help.links')}</h2>
          <ul className="links">{links.map((l) => <li key={l.url} dir="auto"><HelpLink url={l.url}>{l.label}</HelpLink></li>)}</ul>
        </section>
      )}
    </article>
  );
}
