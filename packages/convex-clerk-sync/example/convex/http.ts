import { httpRouter } from "convex/server";
import { clerkSync } from "./clerkSync";

const http = httpRouter();

clerkSync.registerRoutes(http, { path: "/clerk-webhook" });

export default http;
