import { expect, test } from "@playwright/test";
import { addTodo, createList, expectAccessible, screenshot, signIn, todo, unique } from "./helpers";

test("a list and its todos appear for a teammate without reload, and toggles travel both ways", async ({ browser }) => {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  await ada.page.goto("/orgs/acme");
  await expect(ada.page.getByTestId("org-switcher")).toContainText("Acme");
  await screenshot(ada.page, "org-overview");

  const listName = unique("Launch");
  await createList(ada.page, listName);
  await addTodo(ada.page, "Write the announcement");
  await addTodo(ada.page, "Book the venue");

  const bob = await signIn(browser, "bob@acme.test", "acme");
  await bob.page.goto(ada.page.url());
  await expect(todo(bob.page, "Write the announcement")).toBeVisible();
  await expect(todo(bob.page, "Book the venue")).toBeVisible();

  // Live: Ada adds, Bob sees it; Bob toggles, Ada sees it.
  await addTodo(ada.page, "Order the cake");
  await expect(todo(bob.page, "Order the cake")).toBeVisible();
  await bob.page.getByRole("checkbox", { name: "Mark “Book the venue” as done" }).click();
  // Done todos get out of the way: Ada's list counts it under "Completed".
  await expect(todo(ada.page, "Book the venue")).toHaveCount(0);
  const completed = ada.page.getByRole("button", { name: /^Completed/ });
  await expect(completed).toContainText("1");
  await completed.click();
  await expect(ada.page.getByRole("checkbox", { name: "Mark “Book the venue” as not done" })).toBeChecked();

  await screenshot(ada.page, "list-view");
  await expectAccessible(ada.page);
  await ada.context.close();
  await bob.context.close();
});
