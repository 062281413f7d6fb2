/**
 * Reads a response body with a byte cap enforced WHILE streaming: the read stops (and the request is aborted) as
 * soon as the count passes the cap, so a hostile or broken server can make the agent hold at most cap + one
 * chunk, never the whole of an endless body. core/trust checks the size again before decoding.
 */
export type CappedBody =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; tooLarge: true; readBytes: number; detail: string };

export async function readCappedBody(response: Response, maxBytes: number, abort: () => void): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    abort();
    return { ok: false, tooLarge: true, readBytes: 0, detail: `the server announced ${declared} bytes; the limit is ${maxBytes}` };
  }
  const body = response.body;
  if (body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      abort();
      await reader.cancel().catch(() => undefined);
      return { ok: false, tooLarge: true, readBytes: total, detail: `the response passed the limit of ${maxBytes} bytes; the transfer was stopped` };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
