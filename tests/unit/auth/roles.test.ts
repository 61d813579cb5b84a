import { describe, expect, it } from 'vitest';
import { roleAtLeast } from '@/lib/auth/roles';

describe('roleAtLeast', () => {
  it('ranks admin above staff above viewer', () => {
    expect(roleAtLeast('ADMIN', 'STAFF')).toBe(true);
    expect(roleAtLeast('STAFF', 'STAFF')).toBe(true);
    expect(roleAtLeast('STAFF', 'ADMIN')).toBe(false);
    expect(roleAtLeast('VIEWER', 'STAFF')).toBe(false);
    expect(roleAtLeast('VIEWER', 'VIEWER')).toBe(true);
  });
});
