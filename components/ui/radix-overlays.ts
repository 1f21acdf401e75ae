/** The Radix overlay primitives, loaded only through lazy-radix.tsx: they stay out of every page's first-load JavaScript. */
export { AlertDialog, Dialog, DropdownMenu, Popover, Select, Tooltip } from "radix-ui";
