// What-if requests as the user types: the first is sent at once, one runs at a time, and only the newest
// change typed meanwhile is sent next.
import { describe, expect, it } from 'vitest';
import { createOneAtATime } from '../../../../renderer/api/one-at-a-time';

/** A request whose settling the test decides; `started` lists the requests in the order they began. */
function requests() {
  const started: string[] = [];
  const settle = new Map<string, { ok(): void; fail(): void }>();
  const ask = (name: string) => () =>
    new Promise<void>((ok, fail) => {
      started.push(name);
      settle.set(name, { ok, fail: () => fail(new Error(name)) });
    });
  return { started, settle, ask };
}

/** Lets the promise callbacks queued so far run. */
const settled = () => new Promise<void>((r) => setTimeout(r, 0));

describe('requests one at a time, the newest first', () => {
  it('sends the first at once and, of those asked meanwhile, only the newest', async () => {
    const line = createOneAtATime();
    const { started, settle, ask } = requests();
    line.run(ask('a'));
    await settled();
    expect(started).toEqual(['a']);
    line.run(ask('b'));
    line.run(ask('c'));
    await settled();
    expect(started).toEqual(['a']);
    settle.get('a')!.ok();
    await settled();
    expect(started).toEqual(['a', 'c']);
    settle.get('c')!.ok();
    await settled();
    line.run(ask('d'));
    await settled();
    expect(started).toEqual(['a', 'c', 'd']);
  });

  it('goes on after a request that fails or throws', async () => {
    const line = createOneAtATime();
    const { started, settle, ask } = requests();
    line.run(ask('a'));
    line.run(ask('b'));
    await settled();
    settle.get('a')!.fail();
    await settled();
    expect(started).toEqual(['a', 'b']);
    settle.get('b')!.ok();
    await settled();
    line.run(() => {
      throw new Error('no transport');
    });
    line.run(ask('c'));
    await settled();
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('never sends a waiting request once cleared', async () => {
    const line = createOneAtATime();
    const { started, settle, ask } = requests();
    line.run(ask('a'));
    line.run(ask('b'));
    line.clear();
    await settled();
    settle.get('a')!.ok();
    await settled();
    expect(started).toEqual(['a']);
  });
});
