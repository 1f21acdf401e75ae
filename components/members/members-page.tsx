"use client";

import { useEffect, useState } from "react";
import { usePaginatedQuery } from "convex/react";
import { SearchIcon } from "lucide-react";
import { api } from "@/convex/_generated/api";
import { searchText } from "@/convex/lib/fields";
import { useDocumentTitle } from "@/lib/hooks/use-document-title";
import { useMe } from "@/components/orgs/me-provider";
import { useOrg } from "@/components/orgs/org-context";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError } from "@/components/ui/field-error";
import { InviteDialog } from "./invite-dialog";
import { Invitations } from "./invitations";
import { LeaveOrgButton } from "./leave-org-button";
import { MembersTable } from "./members-table";
import { useAdminCount } from "./use-admin-count";

/** `/orgs/[slug]/members`: everyone can read; admins invite, change roles and remove. */
export function MembersPage() {
  const { org, can } = useOrg();
  const me = useMe();
  const manage = can("members:manage");
  const adminCount = useAdminCount();
  const iAmLastAdmin = org.role === "org:admin" && adminCount === 1;
  useDocumentTitle(`Members · ${org.name}`);

  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const parsed = searchText(query);
  const typed = parsed.ok ? parsed.value : "";
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed), 200);
    return () => clearTimeout(timer);
  }, [typed]);

  const { results, status, loadMore } = usePaginatedQuery(api.members.list, search ? { search } : {}, { initialNumItems: 50 });

  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-8 px-4 py-8 sm:px-6">
      <PageHeader
        title="Members"
        description={manage ? `Manage who can work in ${org.name}.` : `The people working in ${org.name}.`}
        actions={
          <>
            <LeaveOrgButton lastAdmin={iAmLastAdmin} />
            {manage && <InviteDialog orgName={org.name} />}
          </>
        }
      />
      <section aria-label="Member list" className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <div className="relative max-w-sm">
            <SearchIcon
              className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
              aria-hidden
            />
            <label htmlFor="member-search" className="sr-only">
              Search members
            </label>
            <Input
              id="member-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Search by name or email"
              className="pl-8"
              aria-invalid={!parsed.ok}
              aria-describedby={!parsed.ok ? "member-search-error" : undefined}
            />
          </div>
          <FieldError id="member-search-error">{parsed.ok ? null : parsed.error}</FieldError>
        </div>
        <MembersTable
          members={results}
          loading={status === "LoadingFirstPage"}
          search={search}
          manage={manage}
          adminCount={adminCount}
          myUserId={me.userId}
          orgName={org.name}
        />
        {status === "CanLoadMore" && (
          <Button variant="ghost" size="sm" className="self-center" onClick={() => loadMore(50)}>
            Load more members
          </Button>
        )}
      </section>
      {manage && <Invitations />}
    </div>
  );
}
