import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { disconnectDb } from '@/lib/db/client';

describe('GET /api/health', () => {
  it('answers 200 with the version and database latency', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, database: { reachable: true } });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers 503 when the database cannot be reached', async () => {
    const url = process.env.DATABASE_URL;
    await disconnectDb();
    process.env.DATABASE_URL = 'postgresql://postgres:postgres@127.0.0.1:9/nowhere';
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, database: { reachable: false } });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = url;
    }
  });
});
