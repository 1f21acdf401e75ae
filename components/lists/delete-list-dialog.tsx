"use client";

import { useMutation } from "convex/react";
import { usePathname, useRouter } from "next/navigation";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { errorMessage } from "@/lib/errors";
import { useOrg } from "@/components/orgs/org-context";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";

/** Admins only: deletes a list and its todos for everyone, after confirmation. */
export function DeleteListDialog({
  list,
  open,
  onOpenChange,
}: {
  list: { _id: string; name: string };
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const remove = useMutation(api.lists.remove);
  const { org, href } = useOrg();
  const router = useRouter();
  const pathname = usePathname();

  async function confirm() {
    try {
      // Leave the list's page first, so it doesn't flash "not found" on its way out.
      if (pathname === href(`/lists/${list._id}`)) router.replace(href());
      await remove({ listId: list._id });
      toast.success(`Deleted “${list.name}”`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  }

  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete “{list.name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            The list and all of its todos are deleted for everyone in {org.name}. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={() => void confirm()}>
            Delete list
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
