/**
 * The task tool on one list: due dates and priorities (keys and menus),
 * sorting and narrowing, the list's own order (drag and Alt+arrows, live
 * for a teammate, kept after a reload), completed todos out of the way, a
 * todo added under a hiding filter (or one switched to while it was being
 * added), delete and bulk actions with an undo
 * that restores exactly.
 */
import { expect, test, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { addTodo, createList, signIn, todo, unique } from "./helpers";

/** The open section's titles, in order. */
async function order(page: Page, label = "Open todos") {
  const list = page.getByRole("list", { name: label, exact: true });
  // Between two views (a sort or filter just changed) the section may be gone for a moment.
  if ((await list.count()) !== 1) return [];
  return await list.evaluate((ul) =>
    Array.from(ul.querySelectorAll(":scope > [data-todo-row]")).map((li) => li.querySelector("p")?.textContent ?? ""),
  );
}

const focusRow = (row: Locator) => row.getByRole("checkbox").first().focus();

test("due dates and priorities: set by key and by menu, shown at a glance, sorted and narrowed", async ({ browser }) => {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  const page = ada.page;
  await page.goto("/orgs/acme");
  await createList(page, unique("Dates"));
  for (const t of ["Alpha", "Beta", "Gamma", "Delta"]) await addTodo(page, t);

  // Keys on the focused row: T is due today, P then 1 is priority 1.
  await focusRow(todo(page, "Beta"));
  await page.keyboard.press("t");
  await expect(todo(page, "Beta").locator("[data-due=today]")).toHaveText("Today");
  await page.keyboard.press("p");
  await page.keyboard.press("1");
  await expect(todo(page, "Beta").getByText("P1")).toBeVisible();

  // The menu: Gamma due tomorrow, Delta overdue (a date typed in), Alpha priority 2.
  await todo(page, "Gamma").getByRole("button", { name: "Actions for “Gamma”" }).click();
  await page.getByRole("menuitem", { name: /Due date/ }).click();
  await page.getByRole("dialog", { name: /Due date and priority of “Gamma”/ }).getByRole("button", { name: /Tomorrow/ }).click();
  await expect(todo(page, "Gamma").locator("[data-due=upcoming]")).toHaveText("Tomorrow");
  await focusRow(todo(page, "Delta"));
  await page.keyboard.press("d");
  const plan = page.getByRole("dialog", { name: /Due date and priority of “Delta”/ });
  await plan.getByLabel("Pick a date").fill("2024-01-15");
  await plan.getByRole("button", { name: "Set" }).click();
  await expect(todo(page, "Delta").locator("[data-due=overdue]")).toContainText("Overdue");
  await focusRow(todo(page, "Alpha"));
  await page.keyboard.press("p");
  // Delta's popover may still be animating out: pick in Alpha's.
  await page.getByRole("dialog", { name: /Due date and priority of “Alpha”/ }).getByRole("radio", { name: "Priority 2" }).click();
  await expect(todo(page, "Alpha").getByText("P2")).toBeVisible();

  // Sort by priority: 1, 2, then none in the list's order; by due date: dated first, then the rest.
  await page.getByRole("combobox", { name: "Sort todos" }).click();
  await page.getByRole("option", { name: "Priority" }).click();
  await expect.poll(() => order(page)).toEqual(["Beta", "Alpha", "Gamma", "Delta"]);
  await page.getByRole("combobox", { name: "Sort todos" }).click();
  await page.getByRole("option", { name: "Due date" }).click();
  await expect.poll(() => order(page, "Open todos with a due date")).toEqual(["Delta", "Beta", "Gamma"]);
  await expect.poll(() => order(page, "Open todos without a due date")).toEqual(["Alpha"]);
  // Narrow to one range: overdue only, then due today only.
  await page.getByRole("combobox", { name: "Show only" }).click();
  await page.getByRole("option", { name: "Overdue" }).click();
  await expect.poll(() => order(page)).toEqual(["Delta"]);
  await expect(page).toHaveURL(/show=overdue/);
  await page.getByRole("combobox", { name: "Show only" }).click();
  await page.getByRole("option", { name: "Due today" }).click();
  await expect.poll(() => order(page)).toEqual(["Beta"]);

  // Cleared with 0 in the popover.
  await focusRow(todo(page, "Beta"));
  await page.keyboard.press("d");
  await page.keyboard.press("0");
  await expect(page.getByText("Nothing matches")).toBeVisible();
  await ada.context.close();
});

test("own order: drag and Alt+arrows move todos, a teammate sees it live, a reload keeps it", async ({ browser }) => {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  await ada.page.goto("/orgs/acme");
  await createList(ada.page, unique("Order"));
  for (const t of ["One", "Two", "Three", "Four"]) await addTodo(ada.page, t);
  const bob = await signIn(browser, "bob@acme.test", "acme");
  await bob.page.goto(ada.page.url());
  await expect.poll(() => order(bob.page)).toEqual(["One", "Two", "Three", "Four"]);

  // Drag "Four" by its handle above "Two".
  const handle = todo(ada.page, "Four").getByRole("button", { name: /Reorder “Four”/ });
  await todo(ada.page, "Four").hover();
  const from = (await handle.boundingBox())!;
  const to = (await todo(ada.page, "Two").boundingBox())!;
  await ada.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await ada.page.mouse.down();
  for (let y = from.y; y > to.y + 4; y -= 8) await ada.page.mouse.move(from.x + from.width / 2, y);
  await ada.page.mouse.move(from.x + from.width / 2, to.y + 4);
  await ada.page.mouse.up();
  await expect.poll(() => order(ada.page)).toEqual(["One", "Four", "Two", "Three"]);
  await expect.poll(() => order(bob.page)).toEqual(["One", "Four", "Two", "Three"]);

  // Alt+↓ on the focused row, twice; focus stays on it.
  await focusRow(todo(ada.page, "One"));
  await ada.page.keyboard.press("Alt+ArrowDown");
  await expect.poll(() => order(ada.page)).toEqual(["Four", "One", "Two", "Three"]);
  await ada.page.keyboard.press("Alt+ArrowDown");
  await expect.poll(() => order(bob.page)).toEqual(["Four", "Two", "One", "Three"]);
  await bob.page.reload();
  await expect.poll(() => order(bob.page)).toEqual(["Four", "Two", "One", "Three"]);

  // The menu's Move up/down follow the row's place now: "Four" became first by moves of others.
  await todo(ada.page, "Four").getByRole("button", { name: "Actions for “Four”" }).click();
  await expect(ada.page.getByRole("menuitem", { name: /Move up/ })).toHaveAttribute("aria-disabled", "true");
  await ada.page.getByRole("menuitem", { name: /Move down/ }).click();
  await expect.poll(() => order(bob.page)).toEqual(["Two", "Four", "One", "Three"]);
  await ada.context.close();
  await bob.context.close();
});

test("done todos collapse into a counted section; a todo added under a hiding filter says so and shows itself", async ({ browser }) => {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  const page = ada.page;
  await page.goto("/orgs/acme");
  await createList(page, unique("Done"));
  await addTodo(page, "Keep going");
  await addTodo(page, "Finished");
  await todo(page, "Finished").getByRole("checkbox", { name: /as done/ }).click();
  await expect(page.getByRole("list", { name: "Open todos" }).getByTestId("todo-item")).toHaveCount(1);
  const completed = page.getByRole("button", { name: /^Completed/ });
  await expect(completed).toContainText("1");
  await expect(completed).toHaveAttribute("aria-expanded", "false");
  await completed.click();
  await expect(page.getByRole("list", { name: "Completed todos" }).getByTestId("todo-item")).toHaveText([/Finished/]);

  // Under "Done", a new (open) todo would vanish: the page says so and offers to show it.
  await page.getByRole("navigation", { name: "Filter todos" }).getByRole("link", { name: "Done" }).click();
  await expect(page).toHaveURL(/filter=done/);
  const input = page.getByLabel("Add a todo");
  await input.fill("Invisible for now");
  await input.press("Enter");
  const notice = page.getByRole("status").filter({ hasText: "Added “Invisible for now”, but the Done filter hides it." });
  await expect(notice).toBeVisible();
  await notice.getByRole("button", { name: "Show it" }).click();
  await expect(page).not.toHaveURL(/filter=/);
  await expect(todo(page, "Invisible for now").getByRole("checkbox").first()).toBeFocused();
  // The same under "Mine": a new todo is nobody's yet.
  await page.getByRole("navigation", { name: "Filter todos" }).getByRole("link", { name: "Mine" }).click();
  // Typed before the view has switched, the todo would be added under "All", where it shows.
  await expect(page.getByRole("heading", { name: "Nothing assigned to you" })).toBeVisible();
  await input.fill("Not mine yet");
  await input.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "the Mine filter hides it" })).toBeVisible();
  await ada.context.close();
});

/**
 * A slow network on the context's Convex socket: once `hold()` is called, the
 * server's answer to the next `todos:create`, and everything after it, waits
 * until `release()`, in order (the client needs the answer before the
 * Transition that reaches it).
 */
async function slowCreates(context: BrowserContext) {
  let holding = false;
  let queue: (() => void)[] | null = null;
  await context.routeWebSocket(/\/api\/[^/]+\/sync$/, (socket) => {
    const server = socket.connectToServer();
    const creates = new Set<number>();
    socket.onMessage((message) => {
      const sent = JSON.parse(String(message)) as { type: string; udfPath?: string; requestId?: number };
      if (sent.type === "Mutation" && sent.udfPath === "todos:create") creates.add(sent.requestId!);
      server.send(message);
    });
    server.onMessage((message) => {
      const answer = JSON.parse(String(message)) as { type: string; requestId?: number };
      if (!queue && holding && answer.type === "MutationResponse" && creates.has(answer.requestId!)) queue = [];
      if (queue) queue.push(() => socket.send(message));
      else socket.send(message);
    });
  });
  return {
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      const waiting = queue ?? [];
      queue = null;
      for (const send of waiting) send();
    },
  };
}

test("a filter switched while a todo is being added decides the notice", async ({ browser }) => {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  const page = ada.page;
  const network = await slowCreates(ada.context);
  await page.goto("/orgs/acme");
  await createList(page, unique("Race"));
  /** Adds `title`, switches to the filter `to` while the server's answer is held, then lets it through. */
  const addAcrossSwitch = async (title: string, to: "Done" | "Mine") => {
    network.hold();
    await page.getByLabel("Add a todo").fill(title);
    await page.getByLabel("Add a todo").press("Enter");
    await page.getByRole("navigation", { name: "Filter todos" }).getByRole("link", { name: to }).click();
    await expect(page).toHaveURL(new RegExp(`filter=${to.toLowerCase()}`));
    network.release();
  };

  // Added under "All", where it shows; "Done" is on screen by the time the server answers.
  await addAcrossSwitch("Raced", "Done");
  await expect(page.getByRole("status").filter({ hasText: "Added “Raced”, but the Done filter hides it." })).toBeVisible();
  // Added under "Done", answered under "Mine": the notice names the filter on screen.
  await addAcrossSwitch("Raced again", "Mine");
  await expect(page.getByRole("status").filter({ hasText: "Added “Raced again”, but the Mine filter hides it." })).toBeVisible();
  await ada.context.close();
});

test("delete offers undo that restores exactly (assignee, priority, place); bulk actions too", async ({ browser }) => {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  const page = ada.page;
  await page.goto("/orgs/acme");
  await createList(page, unique("Undo"));
  for (const t of ["First", "Middle", "Last"]) await addTodo(page, t);
  await todo(page, "Middle").getByRole("button", { name: /^Assign/ }).click();
  await page.getByRole("option", { name: /Bob Member/ }).click();
  await focusRow(todo(page, "Middle"));
  await page.keyboard.press("p");
  await page.keyboard.press("2");
  await expect(todo(page, "Middle").getByText("P2")).toBeVisible();

  // Delete from the keyboard, then undo from the toast.
  await focusRow(todo(page, "Middle"));
  await page.keyboard.press("Delete");
  await expect(todo(page, "Middle")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect.poll(() => order(page)).toEqual(["First", "Middle", "Last"]);
  await expect(todo(page, "Middle").getByRole("button", { name: /Assignee of “Middle”: Bob Member/ })).toBeVisible();
  await expect(todo(page, "Middle").getByText("P2")).toBeVisible();

  // Select two, delete them, undo; select two, mark them done, undo.
  await page.getByRole("button", { name: "Select" }).click();
  await page.getByRole("checkbox", { name: "Select “First”" }).click();
  await page.getByRole("checkbox", { name: "Select “Last”" }).click();
  const bar = page.getByRole("toolbar", { name: "Selected todos" });
  await expect(bar).toContainText("2 selected");
  await bar.getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => order(page)).toEqual(["Middle"]);
  await page.getByRole("button", { name: "Undo", exact: true }).first().click();
  await expect.poll(() => order(page)).toEqual(["First", "Middle", "Last"]);

  await page.getByRole("checkbox", { name: "Select “First”" }).click();
  await page.getByRole("checkbox", { name: "Select “Middle”" }).click();
  await bar.getByRole("button", { name: "Mark done" }).click();
  await expect.poll(() => order(page)).toEqual(["Last"]);
  await expect(page.getByRole("button", { name: /^Completed/ })).toContainText("2");
  await page.getByRole("button", { name: "Undo", exact: true }).first().click();
  await expect.poll(() => order(page)).toEqual(["First", "Middle", "Last"]);

  // Shift+click selects the range from the last selected one.
  await page.getByRole("checkbox", { name: "Select “First”" }).click();
  await page.getByRole("checkbox", { name: "Select “Last”" }).click({ modifiers: ["Shift"] });
  await expect(bar).toContainText("3 selected");
  await expect(page.getByRole("checkbox", { name: "Select “Middle”" })).toBeChecked();
  await ada.context.close();
});
