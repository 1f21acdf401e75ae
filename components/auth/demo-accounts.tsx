import { clerkClient } from "@clerk/nextjs/server";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { demoAccounts, demoPassword } from "@/lib/auth/demo";

/**
 * "Continue as …" for the configured demo accounts (lib/auth/demo.ts), under
 * Clerk's sign-in card; nothing at all when none are configured. Each button
 * posts to /api/demo-sign-in, which hands Clerk's `<SignIn/>` a sign-in token.
 */
export async function DemoAccounts({ redirectUrl }: { redirectUrl?: string }) {
  const emails = demoAccounts();
  if (emails.length === 0) return null;
  let users: { id: string; name: string; email: string }[];
  try {
    const { data } = await (await clerkClient()).users.getUserList({ emailAddress: emails, limit: emails.length });
    users = data
      .map((u) => {
        const email = u.primaryEmailAddress?.emailAddress ?? "";
        return { id: u.id, name: u.fullName || email, email };
      })
      .sort((a, b) => emails.indexOf(a.email) - emails.indexOf(b.email));
  } catch (error) {
    console.error("demo accounts: the Clerk Backend API did not answer", error);
    return null;
  }
  if (users.length === 0) return null;
  const password = demoPassword();
  return (
    <Card className="w-full max-w-[25rem] gap-4 py-4" data-testid="demo-accounts">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">Demo accounts</CardTitle>
        <CardDescription>
          One click signs you in.{" "}
          {password && (
            <>
              Or use the form with any of these emails and the password <code className="font-mono text-foreground">{password}</code>.
            </>
          )}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-2 px-4">
        {users.map((user) => (
          <form key={user.id} method="post" action="/api/demo-sign-in">
            <input type="hidden" name="email" value={user.email} />
            {redirectUrl && <input type="hidden" name="redirect_url" value={redirectUrl} />}
            <Button type="submit" variant="outline" className="w-full justify-between">
              <span>Continue as {user.name.split(" ")[0]}</span>
              <span className="truncate text-xs text-muted-foreground">{user.email}</span>
            </Button>
          </form>
        ))}
      </CardContent>
    </Card>
  );
}
