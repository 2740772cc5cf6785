import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/console/main';

describe('shiting dispatcher', () => {
  afterEach(() => vi.restoreAllMocks());

  it('exits 2 and lists the commands for an unknown command', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['frobnicate'])).toBe(2);
    const text = err.mock.calls.map((c) => String(c[0])).join('');
    expect(text).toContain('unknown command "frobnicate"');
    for (const name of ['compile', 'ask', 'complete', 'digest', 'deploy', 'start'])
      expect(text).toContain(name);
  });

  it('prints usage with --help and exits 0', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(['--help'])).toBe(0);
    const text = String(out.mock.calls[0]?.[0]);
    expect(text).toContain('usage: shiting');
    // Only `digest preview` exists; the usage must not promise more.
    expect(text).toMatch(/^ {2}digest +preview the on-this-date digest for a date$/m);
  });

  it('without a command, says so on stderr with the usage and exits 2', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main([])).toBe(2);
    expect(out).not.toHaveBeenCalled();
    const text = err.mock.calls.map((c) => String(c[0])).join('');
    expect(text).toMatch(/^shiting: give a command\n\nusage: shiting <command>/);
    expect(text).toContain('shiting <command> --help lists its flags.');
  });
});
