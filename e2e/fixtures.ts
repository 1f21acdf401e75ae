/**
 * People, organizations and layout checks for the end-to-end tests: users
 * and orgs made through the identity provider's Backend API (they reach the
 * app as ordinary webhooks), names at the 80-character maximum, and
 * assertions on measured boxes rather than on pixels.
 */
import { expect, type Browser, type Page } from "@playwright/test";
import { clerkApi, userId } from "./helpers";

/** An 80-character name with ordinary words, and one long unbroken one (a URL pasted as a title). */
export const long = (prefix: string) => `${prefix} ${"quarterly-roadmap-review".repeat(2)} and the rest of the words`.slice(0, 80).padEnd(80, "x");

/** A user who can sign in (`signIn(browser, email)`); returns their id. */
export async function createUser(email: string, firstName: string, lastName = "") {
  const user = await clerkApi<{ id: string }>("/v1/users", {
    method: "POST",
    body: { email_address: [email], first_name: firstName, last_name: lastName, password: "correct-horse-battery" },
  });
  return user.id;
}

/** An organization with `admin` (an email) as its admin and `members` as members; returns its id. */
export async function createOrg(name: string, slug: string, admin: string, members: string[] = []) {
  const org = await clerkApi<{ id: string }>("/v1/organizations", { method: "POST", body: { name, slug, created_by: await userId(admin) } });
  for (const email of members) {
    await clerkApi(`/v1/organizations/${org.id}/memberships`, { method: "POST", body: { user_id: await userId(email), role: "org:member" } });
  }
  return org.id;
}

/** The app has received the org (its webhook applied): its overview shows. */
export async function waitForOrg(page: Page, slug: string) {
  await expect(async () => {
    await page.goto(`/orgs/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

type Box = { selector: string; label: string; left: number; top: number; right: number; bottom: number; width: number; height: number; covered: string | null; truncatedWithoutTitle: boolean };

/** Every visible control on the page (and in an open dialog or menu) with its box and what is on top of its centre. */
async function measure(page: Page, within: string | undefined): Promise<{ scrollWidth: number; innerWidth: number; controls: Box[]; truncated: string[] }> {
  return await page.evaluate((within) => {
    const CONTROLS = "button, a[href], input:not([type=hidden]), textarea, select, [role=checkbox], [role=combobox], [role=menuitem], [role=menuitemradio], [role=option], [role=tab], [role=radio]";
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0 && style.visibility !== "hidden" && style.opacity !== "0" && !el.closest("[aria-hidden=true], [inert], .sr-only");
    };
    const describe = (el: Element) =>
      (el.getAttribute("aria-label") || (el as HTMLElement).innerText || el.getAttribute("title") || el.tagName).trim().slice(0, 60);
    const controls: Box[] = [];
    const scope = within ? document.querySelector(within) : document;
    for (const el of Array.from(scope?.querySelectorAll(CONTROLS) ?? [])) {
      if (!visible(el)) continue;
      // A control inside another control (a checkbox's label, a link around a card) is measured as the outer one.
      if (el.parentElement?.closest(CONTROLS)) continue;
      const r = el.getBoundingClientRect();
      const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
      const onTop = r.top + r.height / 2 >= 0 && r.top + r.height / 2 < innerHeight ? document.elementFromPoint(cx, cy) : el;
      const covered = onTop && !el.contains(onTop) && !onTop.contains(el) ? describe(onTop) : null;
      controls.push({ selector: el.tagName, label: describe(el), left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height, covered, truncatedWithoutTitle: false });
    }
    // Text cut with an ellipsis must offer the full text (a title on it or an ancestor).
    const truncated: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(".truncate"))) {
      if (!visible(el) || el.scrollWidth <= el.clientWidth + 1) continue;
      if (!el.closest("[title]") && !el.closest("[aria-label]")) truncated.push(el.innerText.slice(0, 60));
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, controls, truncated };
  }, within);
}

/**
 * The layout holds: nothing scrolls sideways, no control sticks out of the
 * screen or is covered by another element, no two controls overlap, cut
 * text has its full version, and (on touch screens) every control is at
 * least 44 px in both directions.
 */
export async function expectLayoutHolds(page: Page, { touch, within }: { touch: boolean; within?: string }) {
  const { scrollWidth, innerWidth, controls, truncated } = await measure(page, within);
  expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(innerWidth);
  const off = controls.filter((c) => c.left < -1 || c.right > innerWidth + 1).map((c) => `${c.label} [${Math.round(c.left)}…${Math.round(c.right)}]`);
  expect(off, "controls outside the screen").toEqual([]);
  const covered = controls.filter((c) => c.covered && c.top >= 0 && c.bottom <= (page.viewportSize()?.height ?? 800)).map((c) => `${c.label} under ${c.covered}`);
  expect(covered, "controls covered by something else").toEqual([]);
  const overlaps: string[] = [];
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const a = controls[i]!;
      const b = controls[j]!;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) overlaps.push(`${a.label} × ${b.label}`);
    }
  }
  expect(overlaps, "controls overlapping").toEqual([]);
  expect(truncated, "cut text without its full version").toEqual([]);
  if (touch) {
    const small = controls.filter((c) => c.width < 44 || c.height < 44).map((c) => `${c.label} ${Math.round(c.width)}×${Math.round(c.height)}`);
    expect(small, "touch targets under 44 px").toEqual([]);
  }
}

/** `email` signed in (as `signIn` does) in a fresh context of this size and colour scheme. */
export async function signInSized(
  signIn: (browser: Browser, email: string, slug?: string) => Promise<{ context: import("@playwright/test").BrowserContext }>,
  browser: Browser,
  email: string,
  slug: string | undefined,
  size: "desktop" | "phone",
  colorScheme: "light" | "dark",
) {
  const signedIn = await signIn(browser, email, slug);
  const storageState = await signedIn.context.storageState();
  await signedIn.context.close();
  const context = await browser.newContext({ ...(size === "phone" ? PHONE : DESKTOP), colorScheme, storageState });
  return { context, page: await context.newPage() };
}
