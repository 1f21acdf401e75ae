import { displayName } from "@/lib/format";
import type { Member } from "./members-directory";

export const memberName = (m: Pick<Member, "firstName" | "lastName" | "email">) => displayName(m);
