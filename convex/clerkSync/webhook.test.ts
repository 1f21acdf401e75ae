import { test, expect } from "vitest";
import { setupConvex } from "../../test/convex";
import { apply, event, user, deliver } from "../../test/clerk";
test("probe", async () => {
  const t = setupConvex();
  console.log(await apply(t, event("user.created", user("user_a"))));
  const rows = await (t as any).runInComponent("clerkSync", async (ctx: any) => ctx.db.query("webhookEvents").collect());
  console.log(rows);
  const r = await deliver(t, event("user.created", {id: "x"}));
  console.log(r.status, await r.text());
  expect(1).toBe(1);
});
