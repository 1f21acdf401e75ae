"use client";

import { useMutation } from "convex/react";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { errorMessage } from "@/lib/errors";

/** Archive / restore with toasts (and Undo), shared by the sidebar and the list page. */
export function useArchiveList() {
  const setArchived = useMutation(api.lists.setArchived);
  return async (list: { _id: string; name: string }, archived: boolean) => {
    try {
      await setArchived({ listId: list._id, archived });
      if (archived) {
        toast.success(`Archived “${list.name}”`, {
          action: { label: "Undo", onClick: () => void setArchived({ listId: list._id, archived: false }).catch(() => {}) },
        });
      } else {
        toast.success(`Restored “${list.name}”`);
      }
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };
}
