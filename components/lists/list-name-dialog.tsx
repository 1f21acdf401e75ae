"use client";

import { useState } from "react";
import { useMutation } from "convex/react";
import { useRouter } from "next/navigation";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { cleanText, textFields } from "@/convex/lib/text";
import { errorMessage } from "@/lib/errors";
import { useOrg } from "@/components/orgs/org-context";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "@/components/ui/field-error";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Rename this list; without it, create a new one and open it. */
  list?: { _id: string; name: string };
};

export function ListNameDialog({ open, onOpenChange, list }: Props) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        {/* Remounted on every open, so the field starts from the current name. */}
        {open && <ListNameForm list={list} onDone={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function ListNameForm({ list, onDone }: { list?: Props["list"]; onDone: () => void }) {
  const create = useMutation(api.lists.create);
  const rename = useMutation(api.lists.rename);
  const { href } = useOrg();
  const router = useRouter();
  const [name, setName] = useState(list?.name ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = cleanText(textFields.listName, name);
    if (!parsed.ok) return setError(parsed.error);
    setPending(true);
    try {
      if (list) {
        await rename({ listId: list._id, name: parsed.value });
        onDone();
      } else {
        const id = await create({ name: parsed.value });
        onDone();
        toast.success(`Created “${parsed.value}”`);
        router.push(href(`/lists/${id}`));
      }
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-[minmax(0,1fr)] gap-4">
      <DialogHeader>
        <DialogTitle>{list ? "Rename list" : "New list"}</DialogTitle>
        <DialogDescription>{list ? `Give “${list.name}” a new name.` : "Everyone in the organization can see and edit it."}</DialogDescription>
      </DialogHeader>
      <div className="grid gap-2">
        <Label htmlFor="list-name">List name</Label>
        <Input
          id="list-name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          placeholder="e.g. Launch checklist"
          autoFocus
          autoComplete="off"
          aria-invalid={!!error}
          aria-describedby={error ? "list-name-error" : undefined}
        />
        <FieldError id="list-name-error">{error}</FieldError>
      </div>
      <DialogFooter>
        <Button type="submit" disabled={pending}>
          {list ? "Save" : "Create list"}
        </Button>
      </DialogFooter>
    </form>
  );
}
