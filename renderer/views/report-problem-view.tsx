// "Report a problem": the person's words and, if they want, how to reach them, sent to IT as an event.
// Checked here first (empty, too long) with messages tied to the field, then by the agent's own schema.
import { useId, useRef, useState } from 'react';
import { ActionResultMessage, useAction } from '../action-result.js';
import { useView } from '../view-context.js';
import { ViewHeading } from '../view-heading.js';

/** The limits of problemReportSchema in core/agent-api.ts. */
const MAX_TEXT = 4000;
const MAX_CONTACT = 200;

export function ReportProblemView() {
  const { snapshot, ui, bridge } = useView();
  const action = useAction();
  const id = useId();
  const [text, setText] = useState('');
  const [contact, setContact] = useState('');
  const [problems, setProblems] = useState<{ text?: string; contact?: string }>({});
  const [sent, setSent] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const contactRef = useRef<HTMLInputElement>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found: { text?: string; contact?: string } = {};
    if (text.trim() === '') found.text = ui.t('ui.feedback.empty');
    else if (text.trim().length > MAX_TEXT) found.text = ui.t('ui.feedback.tooLong');
    if (contact.trim().length > MAX_CONTACT) found.contact = ui.t('ui.feedback.tooLong');
    setProblems(found);
    if (found.text !== undefined) return textRef.current?.focus();
    if (found.contact !== undefined) return contactRef.current?.focus();
    const maintenance = snapshot.focus?.id;
    const ok = await action.run(() => bridge.reportProblem({
      text: text.trim(),
      ...(contact.trim() !== '' ? { contact: contact.trim() } : {}),
      ...(maintenance !== undefined ? { maintenance } : {}),
    }), () => ui.t('feedback.thanks'));
    if (ok) setSent(true);
  };

  const another = () => {
    setText('');
    setContact('');
    setSent(false);
    action.clear();
    setTimeout(() => textRef.current?.focus(), 0);
  };

  return (
    <article data-view="feedback">
      <ViewHeading>{ui.t('feedback.title')}</ViewHeading>
      {sent ? (
        <>
          <ActionResultMessage action={action} />
          <div className="actions"><button type="button" onClick={another}>{ui.t('ui.feedback.another')}</button></div>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="feedback-form">
          <div className="field">
            <label htmlFor={`${id}-text`}>{ui.t('ui.feedback.message')}</label>
            <p id={`${id}-text-hint`} className="hint">{ui.t('feedback.placeholder')}</p>
            <textarea
              id={`${id}-text`} ref={textRef} rows={6} value={text} onChange={(e) => setText(e.target.value)}
              aria-invalid={problems.text !== undefined}
              aria-describedby={`${id}-text-hint${problems.text !== undefined ? ` ${id}-text-problem` : ''}`}
            />
            {problems.text !== undefined && <p id={`${id}-text-problem`} className="field-problem">{problems.text}</p>}
          </div>
          <div className="field">
            <label htmlFor={`${id}-contact`}>{ui.t('ui.feedback.contact')}</label>
            <p id={`${id}-contact-hint`} className="hint">{ui.t('feedback.contactOptional')}</p>
            <input
              id={`${id}-contact`} ref={contactRef} type="text" autoComplete="email" value={contact}
              onChange={(e) => setContact(e.target.value)} aria-invalid={problems.contact !== undefined}
              aria-describedby={`${id}-contact-hint${problems.contact !== undefined ? ` ${id}-contact-problem` : ''}`}
            />
            {problems.contact !== undefined && <p id={`${id}-contact-problem`} className="field-problem">{problems.contact}</p>}
          </div>
          <div className="actions"><button type="submit" className="primary" aria-disabled={action.busy || undefined}>{ui.t('feedback.send')}</button></div>
          <ActionResultMessage action={action} />
        </form>
      )}
    </article>
  );
}
