/** The sync card in plain words: what Clerk last sent, what became of it, who started a re-sync. */

/** What a webhook's event type means, in words ("organizationInvitation.revoked" → "invitation revoked"). */
const SUBJECTS: Record<string, string> = {
  user: "user",
  organization: "organization",
  organizationMembership: "membership",
  organizationInvitation: "invitation",
  organizationDomain: "organization domain",
  session: "session",
  role: "role",
  permission: "permission",
  email: "email",
  sms: "text message",
};

export function describeEvent(type: string): string {
  const [subject = type, action = ""] = type.split(".");
  const what = SUBJECTS[subject] ?? subject.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return `${what} ${action.replace(/_/g, " ")}`.trim();
}

/** What became of it: a change applied, or nothing to do, said so that nothing reads like a fault. */
const OUTCOMES: Record<string, string> = {
  applied: "applied",
  stale: "already up to date",
  duplicate: "already received",
  ignored: "not used by this app",
};

const TRIGGERS: Record<string, string> = {
  admin: "started by an admin",
  cron: "the daily run",
  cli: "started from the command line",
};

export const describeOutcome = (outcome: string) => OUTCOMES[outcome] ?? outcome;
export const describeTrigger = (trigger: string) => TRIGGERS[trigger] ?? trigger;
