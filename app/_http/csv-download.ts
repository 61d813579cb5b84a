/**
 * A CSV download streamed from an async generator of CSV text: the first chunk is
 * read before answering, so a refusal (not found, no access) is still a plain error
 * response, and the rest is pulled as the client reads, keeping memory flat.
 */
export async function csvDownload(lines: AsyncGenerator<string>, fileName: string): Promise<Response> {
  const first = await lines.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte-order mark makes Excel read the file as UTF-8.
      if (!first.done) controller.enqueue(encoder.encode(`\uFEFF${first.value}`));
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    // A download the client abandons ends the generator rather than leaving it suspended.
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
    },
  });
}
