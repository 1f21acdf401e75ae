"use client";

import { useId, useState } from "react";
import { cleanText, textFields } from "@/convex/lib/text";
import { errorMessage } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "@/components/ui/field-error";
import { Kbd } from "@/components/ui/kbd";

type Props = {
  initial: { title: string; notes?: string };
  onSave: (patch: { title: string; notes: string }) => Promise<unknown>;
  onCancel: () => void;
};

/** Inline editing of a todo: Enter (or ⌘/Ctrl+Enter in notes) saves, Escape cancels. */
export function TodoEditor({ initial, onSave, onCancel }: Props) {
  const id = useId();
  const [title, setTitle] = useState(initial.title);
  const [notes, setNotes] = useState(initial.notes ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function save() {
    const t = cleanText(textFields.todoTitle, title);
    if (!t.ok) return setError(t.error);
    const n = cleanText(textFields.todoNotes, notes);
    if (!n.ok) return setError(n.error);
    setPending(true);
    try {
      await onSave({ title: t.value, notes: n.value });
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <form
      className="flex flex-1 flex-col gap-2"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      aria-label="Edit todo"
      noValidate
    >
      <Label htmlFor={`${id}-title`} className="sr-only">
        Title
      </Label>
      <Input
        id={`${id}-title`}
        value={title}
        onChange={(e) => {
          setTitle(e.target.value);
          setError(null);
        }}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        className="h-8 font-medium"
      />
      <Label htmlFor={`${id}-notes`} className="sr-only">
        Notes
      </Label>
      <Textarea
        id={`${id}-notes`}
        value={notes}
        onChange={(e) => {
          setNotes(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void save();
          }
        }}
        placeholder="Notes"
        rows={3}
        className="min-h-16 text-sm"
      />
      <FieldError id={`${id}-error`}>{error}</FieldError>
      <div className="flex items-center gap-2">
        <Button type="submit" size="xs" disabled={pending}>
          Save
        </Button>
        <Button type="button" size="xs" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <span className="ml-auto hidden items-center gap-1 text-xs text-muted-foreground sm:flex">
          <Kbd>Esc</Kbd> to cancel
        </span>
      </div>
    </form>
  );
}
