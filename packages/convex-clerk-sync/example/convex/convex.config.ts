import { defineApp } from "convex/server";
import clerkSync from "convex-clerk-sync/convex.config";

const app = defineApp();
app.use(clerkSync);

export default app;
