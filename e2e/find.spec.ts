/**
 * Find and focus: the command palette (⌘K / Ctrl+K) jumps to a todo, a
 * list, a member's page, switches org and creates lists and todos; search
 * covers the org's todos by title and notes, never another org's; "My
 * todos" gathers what is assigned to me across lists; the overview counts.
 */
import { expect, test, type Page } from "@playwright/test";
import { addTodo, createList, signIn, todo, unique } from "./helpers";

async function palette(page: Page, text: string) {
  // The header's search button shows once the app (and its ⌘K listener) is up.
  await expect(page.getByRole("button", { name: "Search and commands" })).toBeVisible();
  await page.keyboard.press("Control+k");
  const input = page.getByRole("dialog", { name: "Search and commands" }).getByRole("combobox");
  await expect(input).toBeFocused();
  await input.fill(text);
  return page.getByRole("dialog", { name: "Search and commands" });
}

test("the palette jumps to a todo, a list, a member's page and another org, and creates lists and todos", async ({ browser }) => {
  const sam = await signIn(browser, "sam@both.test", "acme");
  const page = sam.page;
  await page.goto("/orgs/acme");
  const word = `zebra${Date.now().toString(36)}`;
  const listName = unique("Palette");
  await createList(page, listName);
  await addTodo(page, "Feed the animals");
  // Found by a word in its notes, from another page.
  await todo(page, "Feed the animals").dblclick();
  await page.getByPlaceholder("Notes").fill(`Ask about the ${word} first`);
  await page.getByRole("button", { name: "Save" }).click();
  await page.goto("/orgs/acme/members");

  let dialog = await palette(page, word);
  await dialog.getByRole("option", { name: /Feed the animals/ }).click();
  await expect(page.getByRole("dialog").getByRole("heading", { name: "Feed the animals" })).toBeVisible();
  await expect(page).toHaveURL(/\?todo=/);
  await page.keyboard.press("Escape");

  dialog = await palette(page, listName.slice(0, 12));
  await dialog.getByRole("option", { name: listName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: listName })).toBeVisible();

  dialog = await palette(page, "Bob");
  await dialog.getByRole("option", { name: /Bob Member/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bob Member" })).toBeVisible();

  // Create a todo in the list on screen, and a new list.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: listName })).toBeVisible();
  dialog = await palette(page, "Made from the palette");
  await dialog.getByRole("option", { name: `Add todo “Made from the palette” to ${listName}` }).click();
  await expect(todo(page, "Made from the palette")).toBeVisible();
  const newList = unique("From palette");
  dialog = await palette(page, newList);
  await dialog.getByRole("option", { name: `Create list “${newList}”` }).click();
  await expect(page.getByRole("heading", { level: 1, name: newList })).toBeVisible();

  dialog = await palette(page, "Globex");
  await dialog.getByRole("option", { name: "Switch to Globex" }).click();
  await expect(page).toHaveURL(/\/orgs\/globex/);
  await expect(page.getByTestId("org-switcher")).toContainText("Globex");
  await sam.context.close();
});

test("search finds the org's todos by title and notes; another org's admin never finds them", async ({ browser }) => {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  const word = `okapi${Date.now().toString(36)}`;
  await ada.page.goto("/orgs/acme");
  await createList(ada.page, unique("Secrets"));
  await addTodo(ada.page, `Acme plan ${word}`);
  const found = await palette(ada.page, word);
  await expect(found.getByRole("option", { name: new RegExp(`Acme plan ${word}`) })).toBeVisible();

  const grace = await signIn(browser, "grace@globex.test", "globex");
  await grace.page.goto("/orgs/globex");
  await createList(grace.page, unique("Globex"));
  const searched = await palette(grace.page, word);
  await expect(searched.getByRole("status")).toHaveText("0 todos found");
  await expect(searched.getByRole("option", { name: /Acme plan/ })).toHaveCount(0);
  await ada.context.close();
  await grace.context.close();
});

test("My todos gathers what is assigned to me across lists, overdue first; the overview counts open, done, mine and overdue", async ({ browser }) => {
  const bob = await signIn(browser, "bob@acme.test", "acme");
  const page = bob.page;
  await page.goto("/orgs/acme");
  const first = unique("Mine A");
  await createList(page, first);
  for (const t of ["Late thing", "Today thing", "Someone else's"]) await addTodo(page, t);
  const assignToMe = async (title: string) => {
    await todo(page, title).getByRole("button", { name: /^Assign/ }).click();
    await page.getByRole("option", { name: /Bob Member/ }).click();
  };
  await assignToMe("Late thing");
  await assignToMe("Today thing");
  await todo(page, "Late thing").getByRole("checkbox").first().focus();
  await page.keyboard.press("d");
  await page.getByLabel("Pick a date").fill("2024-02-01");
  await page.getByRole("button", { name: "Set" }).click();
  await todo(page, "Today thing").getByRole("checkbox").first().focus();
  await page.keyboard.press("t");
  await todo(page, "Someone else's").getByRole("checkbox").first().click();
  const second = unique("Mine B");
  await createList(page, second);
  await addTodo(page, "Undated thing");
  await assignToMe("Undated thing");

  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "My todos" }).click();
  await expect(page.getByRole("region", { name: "Overdue" }).getByTestId("assigned-todo")).toContainText(["Late thing"]);
  await expect(page.getByRole("region", { name: "Today" }).getByTestId("assigned-todo")).toContainText(["Today thing"]);
  await expect(page.getByRole("region", { name: "No due date" }).getByTestId("assigned-todo")).toContainText(["Undated thing"]);
  await expect(page.getByRole("region", { name: "Overdue" })).toContainText(first);

  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Overview" }).click();
  const card = page.getByTestId("list-card").filter({ hasText: first });
  await expect(card.getByTestId("list-counts")).toHaveText("2 open1 done2 assigned to you1 overdue");
  await bob.context.close();
});
