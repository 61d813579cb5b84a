import { describe, expect, it } from 'vitest';
import { nextAddress } from '../../../scripts/support/next-address';

describe('nextAddress', () => {
  it('reads the port in every form the next CLI accepts', () => {
    for (const args of [
      ['-p', '3001'],
      ['-p3001'],
      ['--port', '3001'],
      ['--port=3001'],
      ['start', '--port', '3001', '-H', '127.0.0.1'],
    ]) {
      expect(nextAddress(args).port).toBe(3001);
    }
  });

  it('falls back to PORT, then to 3000, as next does', () => {
    expect(nextAddress([], '4000').port).toBe(4000);
    expect(nextAddress([]).port).toBe(3000);
    expect(nextAddress(['-p', '3002'], '4000').port).toBe(3002);
  });

  it('names the host the server was told to listen on, and none for a wildcard address', () => {
    expect(nextAddress(['-p', '3100', '-H', '127.0.0.1'])).toEqual({ port: 3100, host: '127.0.0.1' });
    expect(nextAddress(['--hostname=192.168.1.5']).host).toBe('192.168.1.5');
    expect(nextAddress(['-H', '::1']).host).toBe('[::1]');
    expect(nextAddress(['-H', '0.0.0.0']).host).toBeNull();
    expect(nextAddress(['--turbopack']).host).toBeNull();
  });
});
