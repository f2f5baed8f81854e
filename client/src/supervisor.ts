/**
 * Watches the language server: restarts one that stops answering, counts
 * crashes, and gives up (with one clear message and a lasting state in the
 * status item) when it keeps failing. No `vscode` import: the extension
 * passes in what it needs, and the unit tests drive it with a fake clock.
 */

/** How the supervisor watches (the unit tests read these too). */
export const SUPERVISION = {
  /** How often a running server is asked a cheap question. */
  pingEveryMs: 30_000,
  /** How long it may take to answer before it counts as hung (parsing a 10 MB file takes a few seconds). */
  answerWithinMs: 20_000,
  /** Restarts allowed within `windowMs` before the server is left down. */
  maxRestarts: 3,
  windowMs: 3 * 60_000,
};

export type ServerState = 'running' | 'restarting' | 'down';

export interface SupervisorHost {
  /** Resolves when the server answers a cheap request. */
  ping(): Promise<void>;
  /** Stops the server (killing it if it does not stop) and starts it again. */
  restart(): Promise<void>;
  /** Shows the state (the status item); `detail` says why when the server is down. */
  state(state: ServerState, detail?: string): void;
  /** Tells the user, once per event. */
  notify(message: string): void;
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class Supervisor {
  private timer: unknown;
  private current: ServerState = 'restarting';
  /** When the server stopped (crashed, or was restarted because it hung), newest last. */
  private stops: number[] = [];
  /** Bumped at every state change, so an old ping's answer cannot act on a new server. */
  private generation = 0;

  constructor(private readonly host: SupervisorHost) {}

  /** The server runs (started, or restarted): watch it. */
  running(): void {
    this.set('running');
    this.schedule();
  }

  /**
   * The server's connection closed (it crashed or was killed): whether the
   * language client should restart it. Too many stops in a short time leave
   * it down, with a message that says how to start it again.
   */
  closed(): 'restart' | 'stop' {
    this.unschedule();
    if (this.current === 'down') return 'stop';
    if (this.tooMany()) return 'stop';
    this.set('restarting');
    this.host.notify("The AIMS language server stopped unexpectedly and was restarted. Details are in the output channel 'AIMS'.");
    return 'restart';
  }

  /** The user asked for a restart: count from zero again. */
  reset(): void {
    this.stops = [];
  }

  dispose(): void {
    this.unschedule();
    this.generation++;
  }

  private tooMany(): boolean {
    const now = this.host.now();
    this.stops = this.stops.filter((t) => now - t < SUPERVISION.windowMs);
    this.stops.push(now);
    if (this.stops.length <= SUPERVISION.maxRestarts) return false;
    const minutes = SUPERVISION.windowMs / 60_000;
    this.down(`stopped ${this.stops.length} times in ${minutes} minutes`);
    this.host.notify(
      `The AIMS language server stopped ${this.stops.length} times in ${minutes} minutes and was not restarted again. Run 'AIMS: Restart Server' to start it; details are in the output channel 'AIMS'.`,
    );
    return true;
  }

  private down(why: string): void {
    this.unschedule();
    this.set('down', why);
  }

  private set(state: ServerState, detail?: string): void {
    this.current = state;
    this.generation++;
    this.host.state(state, detail);
  }

  private schedule(): void {
    this.unschedule();
    this.timer = this.host.setTimeout(() => void this.check(), SUPERVISION.pingEveryMs);
  }

  private unschedule(): void {
    if (this.timer !== undefined) this.host.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Asks the server a cheap question now; no answer within `answerWithinMs` means it hangs, and it is restarted. */
  async check(answerWithinMs = SUPERVISION.answerWithinMs): Promise<void> {
    this.unschedule();
    if (this.current !== 'running') return;
    const generation = this.generation;
    let late: unknown;
    const answered = await Promise.race([
      this.host.ping().then(
        () => true,
        () => true, // an error is an answer: the server is alive
      ),
      new Promise<boolean>((res) => (late = this.host.setTimeout(() => res(false), answerWithinMs))),
    ]);
    this.host.clearTimeout(late);
    if (generation !== this.generation) return;
    if (answered) {
      this.schedule();
      return;
    }
    if (this.tooMany()) return;
    this.set('restarting');
    this.host.notify(
      `The AIMS language server stopped answering for ${answerWithinMs / 1000} seconds and was restarted. Details are in the output channel 'AIMS'.`,
    );
    try {
      await this.host.restart();
    } catch (e) {
      this.down(`could not be restarted (${e instanceof Error ? e.message : String(e)})`);
    }
  }
}
