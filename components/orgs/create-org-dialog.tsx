"use client";

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { CreateOrgForm } from "./create-org-form";

export function CreateOrgDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create organization</DialogTitle>
          <DialogDescription>A shared space for your team&apos;s lists. You will be its admin.</DialogDescription>
        </DialogHeader>
        <CreateOrgForm onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}
