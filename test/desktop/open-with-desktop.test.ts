import { EventEmitter } from 'node:events';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { desktopOpener, openWithDesktop, type Spawn } from '../../src/desktop/open-with-desktop';

describe('desktopOpener', () => {
  it.each([
    ['linux', {}, undefined],
    ['linux', { DISPLAY: ':0' }, ['xdg-open', ['/tmp/a b.eml']]],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, ['xdg-open', ['/tmp/a b.eml']]],
    ['freebsd', {}, undefined],
    ['darwin', {}, ['open', ['/tmp/a b.eml']]],
    ['win32', {}, ['cmd.exe', ['/d', '/s', '/c', 'start "" "/tmp/a b.eml"']]],
    ['win32', { ComSpec: 'C:\\Windows\\system32\\cmd.exe' }, ['C:\\Windows\\system32\\cmd.exe', ['/d', '/s', '/c', 'start "" "/tmp/a b.eml"']]],
  ] as [NodeJS.Platform, NodeJS.ProcessEnv, [string, string[]] | undefined][])('%s with %j', (platform, env, expected) => {
    const opener = desktopOpener(platform, env);
    if (!expected) {
      expect(opener).toEqual({ available: false, reason: expect.stringMatching(/no desktop.*DISPLAY.*WAYLAND_DISPLAY/) });
      return;
    }
    if (!opener.available) throw new Error('expected an opener');
    expect([opener.command, opener.argsFor('/tmp/a b.eml')]).toEqual(expected);
    expect(opener.spawnOptions).toMatchObject({ detached: true, stdio: 'ignore' });
  });
});

/** A stand-in for child_process.spawn that records the call and starts nothing. */
function fakeSpawn(outcome: 'spawn' | Error): { spawn: Spawn; calls: [string, readonly string[], SpawnOptions][]; unrefs: number } {
  const record = { calls: [] as [string, readonly string[], SpawnOptions][], unrefs: 0 };
  const spawn: Spawn = (command, args, options) => {
    record.calls.push([command, args, options]);
    const child = Object.assign(new EventEmitter(), { unref: () => (record.unrefs += 1) });
    setImmediate(() => (outcome === 'spawn' ? child.emit('spawn') : child.emit('error', outcome)));
    return child as unknown as ChildProcess;
  };
  return Object.assign(record, { spawn });
}

describe('openWithDesktop', () => {
  const opener = desktopOpener('linux', { DISPLAY: ':0' });
  if (!opener.available) throw new Error('expected an opener');

  it('starts the opener on the file and does not wait for the mail program', async () => {
    const fake = fakeSpawn('spawn');
    await openWithDesktop(opener, '/tmp/draft.eml', fake.spawn);
    expect(fake.calls).toEqual([['xdg-open', ['/tmp/draft.eml'], expect.objectContaining({ detached: true })]]);
    expect(fake.unrefs).toBe(1);
  });

  it('reports an opener that cannot be started', async () => {
    const fake = fakeSpawn(Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' }));
    await expect(openWithDesktop(opener, '/tmp/draft.eml', fake.spawn)).rejects.toThrow(/ENOENT/);
  });
});
