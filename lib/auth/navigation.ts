/**
 * Opening an organization right after making it active. A session that was
 * pending (no organization yet) is sent by Clerk's `setActive` to its task
 * page (`taskUrls`, /onboarding) even when the task is done by then, and that
 * navigation can win over a client-side push; a full page load leaves it
 * behind and lets the middleware see the finished session.
 */
export function openOrg(path: string, sessionWasPending: boolean, router: { push: (href: string) => void }): void {
  if (sessionWasPending) window.location.assign(path);
  else router.push(path);
}
