import { describe, expect, it } from 'vitest';
import { BlockedAddressError, assertHostAllowed, blockedRange, createGuardedLookup } from './address-guard';

function lookupOnce(lookup: ReturnType<typeof createGuardedLookup>, host: string, all: boolean): Promise<unknown> {
  return new Promise((resolve, reject) => lookup(host, { all }, (error, address) => (error ? reject(error) : resolve(address))));
}

describe('SSRF address guard', () => {
  it('lets public unicast addresses through and names the range of the others', () => {
    expect(blockedRange('93.184.216.34')).toBeNull();
    expect(blockedRange('2606:4700::1111')).toBeNull();
    expect(blockedRange('127.0.0.1')).toBe('loopback');
    expect(blockedRange('10.1.2.3')).toBe('private');
    expect(blockedRange('192.168.0.10')).toBe('private');
    expect(blockedRange('169.254.169.254')).toBe('linkLocal');
    // Alibaba Cloud's metadata service sits in carrier-grade NAT space.
    expect(blockedRange('100.100.100.200')).toBe('carrierGradeNat');
    expect(blockedRange('0.0.0.0')).toBe('unspecified');
    expect(blockedRange('::1')).toBe('loopback');
    expect(blockedRange('fd00:ec2::254')).toBe('uniqueLocal');
    expect(blockedRange('::ffff:10.0.0.1')).toBe('private');
  });

  it('checks IP-literal hosts directly (sockets skip the lookup for them)', () => {
    expect(() => assertHostAllowed('127.0.0.1', false)).toThrow(BlockedAddressError);
    expect(() => assertHostAllowed('[::1]', false)).toThrow(BlockedAddressError);
    expect(() => assertHostAllowed('127.0.0.1', true)).not.toThrow();
    expect(() => assertHostAllowed('example.com', false)).not.toThrow();
  });

  it('refuses a name when any of its addresses is blocked, unless private addresses are allowed', async () => {
    const answers = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ];
    await expect(lookupOnce(createGuardedLookup(false, answers), 'mixed.test', false)).rejects.toThrow(/10\.0\.0\.5 \(private\)/);
    await expect(lookupOnce(createGuardedLookup(true, answers), 'mixed.test', false)).resolves.toBe('93.184.216.34');
    await expect(lookupOnce(createGuardedLookup(false, async () => [{ address: '93.184.216.34', family: 4 }]), 'ok.test', true)).resolves.toEqual([
      { address: '93.184.216.34', family: 4 },
    ]);
  });
});
