"use client";

/**
 * Stand-ins for the Radix overlay primitives (same names and props), so the
 * overlay code and its positioning/focus machinery load on first use, not
 * with the page. A root renders plainly (its trigger as a plain element with
 * Radix's closed-state attributes, its content as nothing) until its
 * trigger is used or its controlled `open` turns true, even once the code
 * is loaded (a real root per row costs a list several renders at mount);
 * then the real Radix root takes over. The trigger element is re-created
 * by that swap, so the event that woke it is replayed on the new one (with
 * the focus, if it had it): Radix itself then opens the overlay exactly as
 * it would have. A hover (a tooltip) wakes it only once the pointer rests,
 * and the focus a press gives it not at all (as Radix's own tooltip): a
 * press must not see its element replaced between the button going down
 * and up, or the browser sends no click.
 */
import * as React from "react";
import { Slot } from "radix-ui";
import type * as Radix from "./radix-overlays";

type Parts = typeof Radix;
type Kind = keyof Parts;
type AnyProps = Record<string, unknown> & { children?: React.ReactNode; ref?: React.Ref<HTMLElement> };
type AnyComponent = React.ComponentType<AnyProps>;

let parts: Parts | null = null;
let loading: Promise<Parts> | null = null;
function load() {
  return (loading ??= import("./radix-overlays").then((module) => (parts = module)));
}
const real = (kind: Kind, name: string) => (parts![kind] as unknown as Record<string, AnyComponent>)[name]!;

/** How long a hovering pointer rests before a tooltip wakes (Radix's own delay follows). */
const HOVER_REST_MS = 100;

type Root = {
  active: boolean;
  props: AnyProps;
  activate: (event: React.SyntheticEvent) => void;
  /** The pointer leaving: a hover not yet woken never wakes. */
  cancelHover: () => void;
  /** A press: no hover wake, and no wake from the focus it gives, until the button is up. */
  press: () => void;
  /** What to redo on the real trigger once it mounts. */
  replay: React.RefObject<{ event: Event | null; focus: boolean } | null>;
};
const roots = {} as Record<Kind, React.Context<Root | null>>;
const rootContext = (kind: Kind) => (roots[kind] ??= React.createContext<Root | null>(null));

/** The app-wide tooltip settings, given to each tooltip's own Radix provider (as shadcn does); it also prefetches the overlay code once the page is idle. */
const TooltipSettings = React.createContext<AnyProps>({});
function OverlayProvider({ children, ...settings }: AnyProps) {
  React.useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1));
    idle(() => void load());
  }, []);
  // The same object while the settings (plain values) stay the same: every stand-in root reads it,
  // so a new one on each render of the layout above would re-render every overlay of the page.
  const key = JSON.stringify(settings);
  const value = React.useMemo(() => settings, [key]);
  return <TooltipSettings value={value}>{children}</TooltipSettings>;
}

function lazyRoot(kind: Kind) {
  const Context = rootContext(kind);
  return function LazyRoot(props: AnyProps) {
    const settings = React.useContext(TooltipSettings);
    const [active, setActive] = React.useState(false);
    const replay = React.useRef<{ event: Event | null; focus: boolean } | null>(null);
    const hover = React.useRef<ReturnType<typeof setTimeout> | null>(null);
    const cancelHover = () => {
      if (hover.current !== null) clearTimeout(hover.current);
      hover.current = null;
    };
    const pressed = React.useRef(false);
    const press = () => {
      cancelHover();
      pressed.current = true;
      document.addEventListener("pointerup", () => (pressed.current = false), { once: true, capture: true });
    };
    React.useEffect(() => cancelHover, []);
    const activate = (event: React.SyntheticEvent) => {
      if (replay.current || (event.type === "focus" && pressed.current)) return;
      const native = event.nativeEvent;
      const Clone = native.constructor as typeof Event;
      // A focus is redone by focusing the new trigger, not by a fake event.
      const redo = { event: event.type === "focus" ? null : new Clone(native.type, native), focus: document.activeElement === event.currentTarget };
      const wake = () => {
        cancelHover();
        if (replay.current) return;
        replay.current = redo;
        void load().then(() => setActive(true));
      };
      if (event.type !== "pointermove") return wake();
      cancelHover();
      hover.current = setTimeout(wake, HOVER_REST_MS);
    };
    const opened = props.open === true;
    React.useEffect(() => {
      if (opened) void load().then(() => setActive(true));
    }, [opened]);
    let body = props.children;
    if (active && parts) {
      const Real = real(kind, "Root");
      body = <Real {...props} />;
      if (kind === "Tooltip") body = <parts.Tooltip.Provider {...settings}>{body}</parts.Tooltip.Provider>;
    }
    return <Context value={{ active: active && parts !== null, props, activate, cancelHover, press, replay }}>{body}</Context>;
  };
}

function setRef(ref: React.Ref<HTMLElement> | undefined, element: HTMLElement | null) {
  if (typeof ref === "function") ref(element);
  else if (ref) ref.current = element;
}

type Opener = (event: React.SyntheticEvent) => boolean;
type Plain = {
  as: "button" | "div" | "span";
  /** Radix's attributes for the closed state, from the part's and the root's props. */
  attrs?: (props: AnyProps, root: AnyProps) => Record<string, unknown>;
  /** The handlers that wake the root, each saying whether this event does. */
  opens?: Partial<Record<"onClick" | "onPointerDown" | "onKeyDown" | "onPointerMove" | "onFocus", Opener>>;
  /** Woken by hovering (a tooltip): a press or the pointer leaving calls the wake off. */
  hover?: boolean;
};

/** A part that is on screen before the root wakes: a trigger, an anchor, a select's value. */
function lazyPlain(kind: Kind, name: string, spec: Plain) {
  const Context = rootContext(kind);
  return function LazyPlain(props: AnyProps) {
    const root = React.useContext(Context);
    if (root?.active) {
      const Real = real(kind, name);
      const ref = (element: HTMLElement | null) => {
        setRef(props.ref, element);
        const redo = root.replay.current;
        if (!element || !redo) return;
        root.replay.current = null;
        // After the real root's effects (Radix menus track keyboard use from there).
        window.setTimeout(() => {
          // Only the focus that went away with the old trigger: not one the overlay has since taken.
          if (redo.focus && document.activeElement === document.body) element.focus();
          if (redo.event) element.dispatchEvent(redo.event);
        });
      };
      return <Real {...props} ref={ref} />;
    }
    const { asChild, ...rest } = props;
    const Comp: React.ElementType = asChild ? Slot.Root : spec.as;
    const handlers: Record<string, (event: React.SyntheticEvent) => void> = {};
    for (const [handler, opens] of Object.entries(spec.opens ?? {})) {
      handlers[handler] = (event) => {
        (rest[handler] as ((event: React.SyntheticEvent) => void) | undefined)?.(event);
        if (!event.defaultPrevented && !rest.disabled && !root?.props.disabled && opens(event)) root?.activate(event);
      };
    }
    if (spec.hover) {
      const { onPointerDown, onPointerLeave } = rest as Record<string, ((event: React.SyntheticEvent) => void) | undefined>;
      handlers.onPointerDown = (event) => {
        onPointerDown?.(event);
        root?.press();
      };
      handlers.onPointerLeave = (event) => {
        onPointerLeave?.(event);
        root?.cancelHover();
      };
    }
    return <Comp {...spec.attrs?.(rest, root?.props ?? {})} {...rest} {...handlers} />;
  };
}

/** A part that only exists once open (content, items, portal…): nothing until the real root is there. */
function lazyPart(kind: Kind, name: string) {
  const Context = rootContext(kind);
  return function LazyPart(props: AnyProps) {
    const Real = React.useContext(Context)?.active ? real(kind, name) : null;
    return Real ? <Real {...props} /> : null;
  };
}

/** A stand-in for one Radix namespace: Root, the parts in `plain`, any `own` component; every other part renders once open. */
function lazyPrimitive<K extends Kind>(kind: K, plain: Record<string, Plain>, own: Record<string, AnyComponent> = {}): Parts[K] {
  const made = new Map<string, AnyComponent>();
  return new Proxy({} as Parts[K], {
    get(_, name: string) {
      if (!made.has(name)) {
        made.set(name, own[name] ?? (name === "Root" ? lazyRoot(kind) : plain[name] ? lazyPlain(kind, name, plain[name]) : lazyPart(kind, name)));
      }
      return made.get(name);
    },
  });
}

const closed = { type: "button", "aria-expanded": false, "data-state": "closed" };
const dialogTrigger: Plain = { as: "button", attrs: () => ({ ...closed, "aria-haspopup": "dialog" }), opens: { onClick: () => true } };
const primaryPress = (event: React.SyntheticEvent) => {
  const pointer = event as React.PointerEvent;
  return pointer.button === 0 && !pointer.ctrlKey;
};
/** Which keys open a trigger (Radix prevents their default too). */
const keys = (...opening: string[]) => (event: React.SyntheticEvent) => {
  const open = opening.includes((event as React.KeyboardEvent).key);
  if (open) event.preventDefault();
  return open;
};

export const DialogPrimitive = lazyPrimitive("Dialog", { Trigger: dialogTrigger });
export const AlertDialogPrimitive = lazyPrimitive("AlertDialog", { Trigger: dialogTrigger });
export const PopoverPrimitive = lazyPrimitive("Popover", { Trigger: dialogTrigger, Anchor: { as: "div" } });

export const DropdownMenuPrimitive = lazyPrimitive("DropdownMenu", {
  Trigger: {
    as: "button",
    attrs: ({ disabled }) => ({ ...closed, "aria-haspopup": "menu", "data-disabled": disabled ? "" : undefined, disabled }),
    opens: {
      onPointerDown: (event) => {
        const open = primaryPress(event);
        // As Radix: the open menu, not the trigger, takes the focus.
        if (open) event.preventDefault();
        return open;
      },
      onKeyDown: keys("Enter", " ", "ArrowDown"),
    },
  },
});

export const TooltipPrimitive = lazyPrimitive(
  "Tooltip",
  {
    Trigger: {
      as: "button",
      attrs: () => ({ "data-state": "closed" }),
      opens: { onPointerMove: (event) => (event as React.PointerEvent).pointerType !== "touch", onFocus: () => true },
      hover: true,
    },
  },
  { Provider: OverlayProvider },
);

export const SelectPrimitive = lazyPrimitive("Select", {
  Trigger: {
    as: "button",
    attrs: (props, root) => {
      const disabled = Boolean(root.disabled || props.disabled);
      const value = root.value ?? root.defaultValue;
      return {
        ...closed,
        role: "combobox",
        "aria-required": root.required,
        "aria-autocomplete": "none",
        dir: root.dir ?? "ltr",
        "data-disabled": disabled ? "" : undefined,
        disabled,
        "data-placeholder": value === undefined || value === "" ? "" : undefined,
      };
    },
    opens: {
      onPointerDown: (event) => {
        const open = primaryPress(event) && (event as React.PointerEvent).pointerType === "mouse";
        if (open) event.preventDefault();
        return open;
      },
      onClick: () => true,
      onKeyDown: keys(" ", "Enter", "ArrowUp", "ArrowDown"),
    },
  },
  // Shows its children (the caller's label for the value) until the real select takes over.
  Value: { as: "span", attrs: () => ({ style: { pointerEvents: "none" } }) },
  Icon: { as: "span", attrs: () => ({ "aria-hidden": true }) },
});
