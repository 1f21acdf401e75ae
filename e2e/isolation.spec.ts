import { expect, test, type Page } from "@playwright/test";
import { addTodo, createList, signIn, unique } from "./helpers";

test("a user of another org sees none of it, neither in the UI nor by typing its URLs", async ({ browser }) => {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  await ada.page.goto("/orgs/acme");
  const listName = unique("Secret plans");
  await createList(ada.page, listName);
  await addTodo(ada.page, "Acme-only secret");
  const listUrl = new URL(ada.page.url());
  const listId = listUrl.pathname.split("/").pop()!;

  const grace = await signIn(browser, "grace@globex.test", "globex");
  await grace.page.goto("/orgs/globex");
  await expect(grace.page.getByTestId("org-switcher")).toContainText("Globex");
  await expect(grace.page.getByText(listName)).toHaveCount(0);

  // Acme's own URL: a clear "no access" page, never its data (or, when an earlier test had her
  // join Acme and removed her, the page that says so).
  await grace.page.goto(listUrl.pathname);
  await expect(grace.page.getByRole("heading", { level: 1 })).toHaveText(/^(You don't have access to this organization|You were removed from Acme)$/);
  await expect(grace.page.getByText("Acme-only secret")).toHaveCount(0);

  // Acme's list id under Globex: the same answer as a list that does not exist.
  await grace.page.goto(`/orgs/globex/lists/${listId}`);
  await expect(grace.page.getByRole("heading", { name: "List not found" })).toBeVisible();
  await expect(grace.page.getByText("Acme-only secret")).toHaveCount(0);

  // The server renders a list page with the visitor's own token: Ada's HTML holds the todo, Grace's none of it.
  const html = async (page: Page, path: string) => (await page.request.get(path)).text();
  expect(await html(ada.page, listUrl.pathname)).toContain("Acme-only secret");
  for (const path of [listUrl.pathname, `/orgs/globex/lists/${listId}`]) {
    const body = await html(grace.page, path);
    expect(body).not.toContain("Acme-only secret");
    expect(body).not.toContain(listName);
  }

  await ada.context.close();
  await grace.context.close();
});
