import { loadOnOpen } from "@/components/ui/load-on-open";

/** The list dialogs, loaded when first opened (see loadOnOpen): a page shows several closed ones. */
export const ListNameDialog = loadOnOpen(() => import("./list-name-dialog").then((m) => m.ListNameDialog));
export const DeleteListDialog = loadOnOpen(() => import("./delete-list-dialog").then((m) => m.DeleteListDialog));
