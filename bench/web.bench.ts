/**
 * `npm run bench`, web app: what the list page costs a browser, on the
 * end-to-end stack (production build, local mode). Prints a table for the
 * README; asserts nothing about time.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { addTodo, createList, signIn, todo, unique } from "../e2e/helpers";
import { E2E } from "../e2e/stack";

const ROUNDS = 20;
const rows: string[] = [];
test.afterAll(() => console.log(["", "| measure (web) | value |", "|---|---|", ...rows, ""].join("\n")));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * First-visit JavaScript of the list page, from the build's manifests: the
 * root main files plus every chunk the route's segments enter with. Clerk's
 * own script (clerk-js, served by Clerk in cloud mode) is not in the build.
 */
function listPageJsKb() {
  const build = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as { rootMainFiles: string[] };
  const source = readFileSync(".next/server/app/(app)/orgs/[slug]/lists/[listId]/page_client-reference-manifest.js", "utf8");
  const manifest = JSON.parse(source.slice(source.indexOf("= {") + 2).replace(/;\s*$/, "")) as { entryJSFiles: Record<string, string[]> };
  const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(`.next/${file}`)).length;
  return { kb: bytes / 1024, files: files.size };
}

test("list page: JavaScript, sign-in to first list, toggle to another screen", async ({ browser }) => {
  const { kb, files } = listPageJsKb();
  rows.push(`| list page JavaScript on first visit, gzipped (${files} files) | ${kb.toFixed(0)} kB |`);

  const ada = await signIn(browser, "ada@acme.test", "acme");
  await ada.page.goto("/orgs/acme");
  await createList(ada.page, unique("Bench"));
  await addTodo(ada.page, "Benchmark todo");
  const listUrl = ada.page.url();

  // Signed out, the list URL leads to Clerk's <SignIn/> on the app's /sign-in and back: the form
  // submit → Clerk's session → the middleware → Convex's first query result on screen.
  const signInTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const fresh = await browser.newContext();
    const page = await fresh.newPage();
    await page.goto(listUrl);
    await page.getByLabel("Email address").fill("ada@acme.test");
    await page.getByLabel("Password", { exact: true }).fill(E2E.demoPassword);
    const start = Date.now();
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(todo(page, "Benchmark todo")).toBeVisible();
    signInTimes.push(Date.now() - start);
    await fresh.close();
  }
  rows.push(`| sign-in (Clerk's form, Continue) → first list rendered, median of 5 | ${median(signInTimes)} ms |`);

  const bob = await signIn(browser, "bob@acme.test", "acme");
  await bob.page.goto(listUrl);
  await expect(todo(bob.page, "Benchmark todo")).toBeVisible();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const done = i % 2 === 0;
    const before = Date.now();
    await ada.page.getByRole("checkbox", { name: `Mark “Benchmark todo” as ${done ? "done" : "not done"}` }).click();
    // Polled every animation frame: expect()'s back-off would blur the figure.
    await bob.page.waitForFunction(
      (checked) => document.querySelector('[data-testid="todo-item"] [role="checkbox"]')?.getAttribute("aria-checked") === checked,
      String(done),
      { polling: "raf" },
    );
    times.push(Date.now() - before);
  }
  rows.push(`| one user's toggle → the other user's screen, median of ${ROUNDS} | ${median(times)} ms |`);
  await ada.context.close();
  await bob.context.close();
});
