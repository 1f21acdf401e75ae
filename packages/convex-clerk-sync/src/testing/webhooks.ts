import { Webhook } from "svix";

let sequence = 0;
/** A fresh svix message id. */
export const newSvixId = () => `msg_test_${++sequence}`;

/**
 * The headers svix sends with `body`, signed with the endpoint's secret
 * (`whsec_…`): what Clerk's delivery of that body looks like.
 */
export function signWebhook(body: string, { secret, id = newSvixId(), at = new Date() }: { secret: string; id?: string; at?: Date }) {
  return {
    id,
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": new Webhook(secret).sign(id, at, body),
    },
  };
}
