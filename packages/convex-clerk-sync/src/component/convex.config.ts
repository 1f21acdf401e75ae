import { defineComponent } from "convex/server";

const component = defineComponent("clerkSync");

export default component;
