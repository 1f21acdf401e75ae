import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

// Off the top of the hour, when Convex crons crowd.
crons.daily("prune webhook delivery records", { hourUTC: 4, minuteUTC: 17 }, internal.sync.pruneWebhookEvents, {});

// Webhooks get lost (an endpoint down for a week, a rotated secret): read
// everything back from Clerk once a day.
crons.daily("reconcile with Clerk", { hourUTC: 3, minuteUTC: 41 }, internal.sync.reconcile, { trigger: "cron" });

export default crons;
