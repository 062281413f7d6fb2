// A link from the schedule. It never navigates the window: main (or the preview) decides whether it may open
// (https and listed in the signed schedule) and opens it in the person's browser.
import { useState } from 'react';
import { useView } from './view-context.js';

export function HelpLink({ url, children }: { url: string; children: React.ReactNode }) {
  const { bridge, ui } = useView();
  const [result, setResult] = useState<{ ok: boolean; message: string } | undefined>(undefined);
  const open = async (e: React.MouseEvent) => {
    e.preventDefault();
    try {
      const r = await bridge.openHelpLink(url);
      setResult(r.ok ? { ok: true, message: ui.t('ui.help.opened') } : { ok: false, message: r.error.message });
    } catch {
      setResult({ ok: false, message: ui.t('ui.help.refused') });
    }
  };
  return (
    <>
      <a href={url} onClick={open} rel="noreferrer">{children}</a>
      <span className="link-result" role="status" aria-live="polite">
        {result !== undefined && <span data-link-result={result.ok ? 'opened' : 'refused'} className={result.ok ? 'result-ok' : 'result-refused'}>{result.message}</span>}
      </span>
    </>
  );
}
