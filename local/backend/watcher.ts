/**
 * Watches `convex/` and calls back once per burst of changes. Tests and
 * type-only files are ignored (they are not part of the build); whether a
 * change matters is decided by the build's hash, not here.
 */
import { watch, type FSWatcher } from "node:fs";
import { clearTimeout, rootTimeout } from "./rootContext";

const IGNORED = /(^|[\\/])(\.|node_modules[\\/])|\.(test|spec)\.[mc]?[jt]sx?$|\.d\.ts$|~$/;

export function watchFunctions(dir: string, onChange: () => void, debounceMs = 150): () => void {
  let timer: NodeJS.Timeout | null = null;
  const changed = (filename: string | null) => {
    if (filename && IGNORED.test(filename)) return;
    if (timer) clearTimeout(timer);
    timer = rootTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true }, (_event, filename) => changed(filename));
  } catch {
    // Platforms without recursive watching: the top directory only.
    watcher = watch(dir, (_event, filename) => changed(filename));
  }
  watcher.on("error", () => undefined);
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
