import { describe, expect, it } from 'vitest';
import { parseHash } from './routes';

describe('parseHash', () => {
  it('routes known pages with parameters and falls back to the dashboard', () => {
    expect(parseHash('#/logs?id=abc').page).toBe('logs');
    expect(parseHash('#/logs?id=abc').params.get('id')).toBe('abc');
    expect(parseHash('#/nope').page).toBe('dashboard');
    expect(parseHash('').page).toBe('dashboard');
  });
});
