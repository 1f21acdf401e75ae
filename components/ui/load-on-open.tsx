"use client";

/**
 * A dialog (or any overlay with an `open` prop) whose code is not in the
 * page's first JavaScript: it renders nothing until first opened (closed, it
 * shows nothing anyway), its module is fetched once the page is idle (so the
 * first open rarely waits), and once opened it stays mounted, so closing
 * still animates.
 *
 *   const ListNameDialog = loadOnOpen(() => import("./list-name-dialog").then((m) => m.ListNameDialog));
 *   <ListNameDialog open={renaming} onOpenChange={setRenaming} list={list} />
 */
import * as React from "react";

export function loadOnOpen<P extends object>(load: () => Promise<React.ComponentType<P>>, isOpen: (props: P) => boolean = (props) => (props as { open?: boolean }).open === true) {
  let loading: Promise<{ default: React.ComponentType<P> }> | null = null;
  const prefetch = () => (loading ??= load().then((component) => ({ default: component })));
  const Lazy = React.lazy(prefetch);
  return function LoadOnOpen(props: P) {
    const open = isOpen(props);
    const [opened, setOpened] = React.useState(open);
    if (open && !opened) setOpened(true);
    React.useEffect(() => {
      const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1));
      idle(() => void prefetch());
    }, []);
    if (!opened) return null;
    return (
      <React.Suspense fallback={null}>
        <Lazy {...props} />
      </React.Suspense>
    );
  };
}
