// Liveness: the process answers. Readiness (with the database) is /api/health.
export function GET() {
  return new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
}
