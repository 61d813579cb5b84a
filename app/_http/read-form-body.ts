/** Twilio's webhook bodies are a few kilobytes; anything far larger is not Twilio. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

export type FormBody = { ok: true; params: Record<string, string> } | { ok: false; status: 400 | 413 };

/**
 * Reads a urlencoded form, giving up as soon as it passes `maxBytes` — whether
 * the sender declared its length or streams it — so an oversized body costs
 * neither the time nor the memory of reading it whole.
 */
export async function readFormBody(req: Request, maxBytes: number): Promise<FormBody> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return { ok: false, status: 413 };
  if (!req.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded') || !req.body)
    return { ok: false, status: 400 };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, status: 413 };
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return { ok: true, params: Object.fromEntries(new URLSearchParams(text)) };
}
