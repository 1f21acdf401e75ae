/**
 * convex-test keeps a running function's state (its transaction, caller,
 * component, disallowed globals) in AsyncLocalStorage, and Node carries
 * those stores into every callback scheduled from inside. Work the backend
 * starts from inside a function (a commit notification, a scheduled job, a
 * debounced save) must not inherit them: re-running a subscription with the
 * committing mutation's context would run it as a nested call of that
 * mutation. So such work starts from a context captured when this module
 * loaded, before any function ran.
 */
import { AsyncResource } from "node:async_hooks";
import { clearTimeout, setImmediate, setTimeout } from "node:timers";

const root = new AsyncResource("local-convex-backend");

export function inRoot<T>(fn: () => T): T {
  return root.runInAsyncScope(fn);
}

export function rootTimeout(fn: () => void, ms: number): NodeJS.Timeout {
  return inRoot(() => setTimeout(fn, ms));
}

export function rootImmediate(fn: () => void): void {
  inRoot(() => setImmediate(fn));
}

export { clearTimeout };
