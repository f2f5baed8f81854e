import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Supervisor, SUPERVISION, type ServerState, type SupervisorHost } from '../../client/src/supervisor';

/** A host with a hand-driven clock: timers fire only when the test advances time. */
function fakeHost(answers: () => boolean) {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const log: string[] = [];
  const states: ServerState[] = [];
  let restarts = 0;
  let failRestart = false;
  const host: SupervisorHost = {
    ping: () => (answers() ? Promise.resolve() : new Promise(() => {})),
    restart: () => {
      restarts++;
      return failRestart ? Promise.reject(new Error('spawn failed')) : Promise.resolve();
    },
    state: (s, detail) => {
      states.push(s);
      if (detail) log.push(`state ${s}: ${detail}`);
    },
    notify: (m) => log.push(m),
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = async (ms: number): Promise<void> => {
    const end = now + ms;
    for (;;) {
      await new Promise((r) => setImmediate(r));
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = t.at;
      t.fn();
    }
    now = end;
    await new Promise((r) => setImmediate(r));
  };
  return {
    host,
    log,
    states,
    advance,
    restarts: () => restarts,
    failRestarts: () => (failRestart = true),
  };
}

describe('the language server supervisor', () => {
  it('leaves an answering server alone', async () => {
    const h = fakeHost(() => true);
    const s = new Supervisor(h.host);
    s.running();
    await h.advance(10 * SUPERVISION.pingEveryMs);
    assert.equal(h.restarts(), 0);
    assert.deepEqual(h.log, []);
    s.dispose();
  });

  it('restarts a server that stops answering, with one clear message', async () => {
    let answering = true;
    const h = fakeHost(() => answering);
    const s = new Supervisor(h.host);
    s.running();
    await h.advance(SUPERVISION.pingEveryMs);
    answering = false;
    await h.advance(SUPERVISION.pingEveryMs + SUPERVISION.answerWithinMs);
    assert.equal(h.restarts(), 1);
    assert.deepEqual(h.log, [
      `The AIMS language server stopped answering for ${SUPERVISION.answerWithinMs / 1000} seconds and was restarted. Details are in the output channel 'AIMS'.`,
    ]);
    assert.deepEqual(h.states.slice(-1), ['restarting']);
    s.dispose();
  });

  it('restarts after a crash, and stays down after too many in a short time, saying how to restart', async () => {
    const h = fakeHost(() => true);
    const s = new Supervisor(h.host);
    s.running();
    const decisions: string[] = [];
    for (let i = 0; i < SUPERVISION.maxRestarts + 1; i++) {
      decisions.push(s.closed());
      await h.advance(1000);
      if (decisions.at(-1) === 'restart') s.running();
    }
    assert.deepEqual(decisions, [...Array<string>(SUPERVISION.maxRestarts).fill('restart'), 'stop']);
    assert.equal(h.states.at(-1), 'down');
    assert.deepEqual(h.log, [
      ...Array<string>(SUPERVISION.maxRestarts).fill(
        "The AIMS language server stopped unexpectedly and was restarted. Details are in the output channel 'AIMS'.",
      ),
      `state down: stopped ${SUPERVISION.maxRestarts + 1} times in ${SUPERVISION.windowMs / 60_000} minutes`,
      `The AIMS language server stopped ${SUPERVISION.maxRestarts + 1} times in ${SUPERVISION.windowMs / 60_000} minutes and was not restarted again. Run 'AIMS: Restart Server' to start it; details are in the output channel 'AIMS'.`,
    ]);
    // A hung check never runs while the server is down.
    await h.advance(5 * SUPERVISION.pingEveryMs);
    assert.equal(h.restarts(), 0, 'crashes are restarted by the language client, not by the supervisor');
    s.dispose();
  });

  it('crashes far apart are restarted every time', async () => {
    const h = fakeHost(() => true);
    const s = new Supervisor(h.host);
    for (let i = 0; i < 10; i++) {
      s.running();
      assert.equal(s.closed(), 'restart');
      await h.advance(SUPERVISION.windowMs);
    }
    s.dispose();
  });

  it('a restart that fails leaves the server down, with the state shown', async () => {
    let answering = true;
    const h = fakeHost(() => answering);
    h.failRestarts();
    const s = new Supervisor(h.host);
    s.running();
    answering = false;
    await h.advance(SUPERVISION.pingEveryMs + SUPERVISION.answerWithinMs);
    assert.equal(h.states.at(-1), 'down');
    assert.ok(h.log.includes('state down: could not be restarted (spawn failed)'));
    s.dispose();
  });
});
