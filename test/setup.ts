import * as convexTest from "convex-test";
import { installFastIndexes } from "../local/backend/fastIndexes";

// vitest.shared.ts's plugin exposes convex-test's database class.
const DatabaseFake = (convexTest as unknown as { __DatabaseFake?: { prototype: object } }).__DatabaseFake;
if (!DatabaseFake) throw new Error("convex-test does not export its DatabaseFake: is the plugin in vitest.shared.ts on?");
installFastIndexes(DatabaseFake);
