import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

// Off the top of the hour, when Convex crons crowd.
crons.daily("prune webhook delivery records", { hourUTC: 4, minuteUTC: 17 }, internal.sync.pruneWebhookEvents, {});

export default crons;
