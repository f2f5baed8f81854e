/**
 * Web workers have no `setImmediate`, which the server uses to let messages
 * in between slices of work. A message posted to itself runs after the tasks
 * already queued (the client's messages among them) and before timers, as
 * Node's immediates do.
 */
export function installSetImmediate(): void {
  const g = globalThis as { setImmediate?: unknown };
  if (typeof g.setImmediate === 'function') return;
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  // The browser's MessagePort (setting onmessage starts it); Node's typings know only its own.
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => queue.shift()?.();
  g.setImmediate = (fn: (...args: unknown[]) => void, ...args: unknown[]): void => {
    queue.push(() => fn(...args));
    channel.port2.postMessage(0);
  };
}
