/**
 * The clean-text rule in the forms: invisible names count as empty, text
 * that would reorder what others see is refused with a message naming the
 * field, and what is saved is the NFC form of what was typed.
 */
import { expect, test, type Page } from "@playwright/test";
import { createList, signIn, todo, unique } from "./helpers";

/** The message under a field (FieldError), found through the field's aria-describedby. */
async function fieldError(page: Page, label: string) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const id = await field.getAttribute("aria-describedby");
  return page.locator(`[id="${id}"]`);
}

test("the list name form refuses invisible and reordering names and saves the NFC form", async ({ browser }) => {
  const { context, page } = await signIn(browser, "ada@acme.test", "acme");
  await page.goto("/orgs/acme");
  const sidebar = page.getByRole("navigation", { name: "Organization" });
  await sidebar.getByRole("button", { name: "New list" }).click();
  const dialog = page.getByRole("dialog");
  const name = dialog.getByLabel("List name");

  await name.fill("\u200B\u200D\u3164");
  await dialog.getByRole("button", { name: "Create list" }).click();
  await expect(await fieldError(page, "List name")).toHaveText("Name the list.");

  await name.fill("Q3 \u202Etegdub");
  await dialog.getByRole("button", { name: "Create list" }).click();
  await expect(await fieldError(page, "List name")).toHaveText(
    "List name contains an invisible character that reorders text (U+202E RIGHT-TO-LEFT OVERRIDE). Remove it.",
  );
  await expect(dialog).toBeVisible();

  // Decomposed "é" (e + U+0301), as some keyboards and pastes produce it.
  const suffix = unique("plans");
  await name.fill(`\u200BCafe\u0301 ${suffix} `);
  await dialog.getByRole("button", { name: "Create list" }).click();
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(`Caf\u00E9 ${suffix}`);
  expect(await heading.evaluate((h) => h.textContent)).toBe(`Caf\u00E9 ${suffix}`);
  await expect(sidebar.getByRole("link", { name: `Caf\u00E9 ${suffix}` })).toBeVisible();
  await context.close();
});

test("the todo forms refuse control and bidirectional characters, naming the field", async ({ browser }) => {
  const { context, page } = await signIn(browser, "bob@acme.test", "acme");
  await page.goto("/orgs/acme");
  await createList(page, unique("Clean titles"));
  const add = page.getByLabel("Add a todo");

  await add.fill("\u00A0\u200B ");
  await add.press("Enter");
  await expect(await fieldError(page, "Add a todo")).toHaveText("Write what needs doing.");

  await add.fill("pay \u2067invoice\u2069");
  await add.press("Enter");
  await expect(await fieldError(page, "Add a todo")).toHaveText(/^Title contains an invisible character that reorders text \(U\+2067 RIGHT-TO-LEFT ISOLATE\)/);
  await expect(add).toHaveValue("pay \u2067invoice\u2069"); // nothing typed is lost
  await expect(page.getByTestId("todo-item")).toHaveCount(0);

  await add.fill("Nai\u0308ve title");
  await add.press("Enter");
  await expect(todo(page, "Na\u00EFve title")).toBeVisible();
  await context.close();
});

test("the organization name form treats an invisible name as empty and keeps the name", async ({ browser }) => {
  const { context, page } = await signIn(browser, "ada@acme.test", "acme");
  await page.goto("/orgs/acme/settings");
  const name = page.getByLabel("Name", { exact: true });
  await expect(name).toHaveValue("Acme");
  await name.fill("\u2800\u3164");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(await fieldError(page, "Name")).toHaveText("Name the organization (2 characters or more).");
  await name.fill("Acme\u202E");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(await fieldError(page, "Name")).toHaveText(/^Organization name contains an invisible character that reorders text/);
  await page.reload();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Acme");
  await context.close();
});
