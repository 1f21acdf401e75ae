"use client";

import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import { PlusIcon } from "lucide-react";
import { cleanText, textFields } from "@/convex/lib/text";
import { errorMessage } from "@/lib/errors";
import { cn } from "@/lib/utils";
import { Kbd } from "@/components/ui/kbd";
import { FieldError } from "@/components/ui/field-error";

type Props = { onAdd: (title: string) => Promise<unknown>; ref?: Ref<HTMLInputElement> };

/** The add box: type, Enter, keep typing. Escape clears and leaves. */
export function AddTodo({ onAdd, ref }: Props) {
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => input.current!, []);

  // Text typed into the server's HTML before the page's script ran is in the box but not in
  // the state, and the next render would wipe it: take it over.
  useEffect(() => {
    const typed = input.current?.value;
    if (typed) setTitle(typed);
  }, []);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = cleanText(textFields.todoTitle, title);
    if (!parsed.ok) return setError(parsed.error);
    setTitle("");
    setError(null);
    try {
      await onAdd(parsed.value);
    } catch (e) {
      // Give the text back so nothing typed is lost.
      setTitle((current) => current || parsed.value);
      setError(errorMessage(e));
    }
  }

  return (
    // method="dialog": Enter before the page's script has run would otherwise send the form to
    // the page's own URL (a reload, the text gone); a dialog-method form outside a dialog goes nowhere.
    <form method="dialog" onSubmit={submit} noValidate className="flex flex-col gap-1">
      <div
        className={cn(
          "flex h-10 items-center gap-2 rounded-lg border pointer-coarse:h-12 bg-background px-3 shadow-xs transition-[box-shadow,border-color] focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/25 dark:bg-input/20",
          error && "border-destructive",
        )}
      >
        <PlusIcon className="size-4 text-muted-foreground" aria-hidden />
        <label htmlFor="new-todo" className="sr-only">
          Add a todo
        </label>
        <input
          ref={input}
          id="new-todo"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              setTitle("");
              setError(null);
              e.currentTarget.blur();
            }
          }}
          placeholder="Add a todo…"
          autoComplete="off"
          aria-invalid={!!error}
          aria-describedby={error ? "new-todo-error" : undefined}
          className="h-full flex-1 bg-transparent text-sm outline-none placeholder:text-muted-foreground"
        />
        <span className="hidden items-center gap-1 text-xs text-muted-foreground sm:flex" aria-hidden>
          <Kbd>N</Kbd>
        </span>
      </div>
      <FieldError id="new-todo-error">{error}</FieldError>
    </form>
  );
}
