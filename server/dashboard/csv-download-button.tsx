// The CSV of the rows as filtered now. A plain link cannot send the Bearer header, so the file is fetched,
// then handed to the browser as a Blob download under the name the server chose.
import { useState } from 'react';
import { getComplianceCsv } from './api.js';
import type { Filters } from './api-types.js';
import type { Session } from './session.js';

export function CsvDownloadButton(props: { session: Session; filters: Filters; onError: (e: unknown) => void; onDone: (name: string) => void }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await getComplianceCsv(props.session, props.filters);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      // Revoked on the next turn: the click has started the download by then.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      props.onDone(filename);
    } catch (e) {
      props.onError(e);
    } finally {
      setBusy(false);
    }
  };
  return <button type="button" onClick={() => void download()} disabled={busy}>{busy ? 'Preparing CSV…' : 'Download CSV'}</button>;
}
