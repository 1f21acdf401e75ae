/**
 * The local sign-in page: plain server-rendered HTML and a little inline
 * script. Step 1 picks a seeded user or signs up a new one; step 2 picks one
 * of that user's organizations, accepts a pending invitation addressed to
 * their email, creates an organization, or stays without one.
 */

export type SignInView = {
  users: { id: string; name: string; email: string; orgs: { id: string; name: string; role: string }[] }[];
  invitations: { id: string; email: string; orgName: string; role: string }[];
  redirectUrl: string | null;
  /** Who the browser is signed in as now, if anyone. */
  current: { name: string; orgName: string | null } | null;
  error?: string;
  /** The submitted values, to refill the form after an error. */
  values?: Record<string, string>;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

const roleLabel = (role: string) => role.replace(/^org:/, "");

export function renderSignIn(view: SignInView): string {
  const values = view.values ?? {};
  const selected = values.user_id ?? view.users[0]?.id ?? "new";
  const userRows = view.users
    .map((u) => {
      const orgs = u.orgs.map((o) => `${escapeHtml(o.name)} (${escapeHtml(roleLabel(o.role))})`).join(", ") || "no organization";
      return `
        <label class="choice">
          <input type="radio" name="user_id" value="${escapeHtml(u.id)}"${u.id === selected ? " checked" : ""}>
          <span><strong>${escapeHtml(u.name || u.email)}</strong> <small>${escapeHtml(u.email)}</small><br><small class="muted">${orgs}</small></span>
        </label>`;
    })
    .join("");
  const field = (name: string, label: string, type = "text") =>
    `<label>${label}<input type="${type}" name="${name}" value="${escapeHtml(values[name] ?? "")}" autocomplete="off"></label>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · local identity provider</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; }
  main { width: min(32rem, 92vw); padding: 2rem 0; }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  h2 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
  fieldset { border: 1px solid #8884; border-radius: .5rem; padding: .75rem; margin: 0; }
  .choice { display: flex; gap: .6rem; align-items: flex-start; padding: .4rem .2rem; cursor: pointer; }
  .choice + .choice { border-top: 1px solid #8882; }
  label:not(.choice) { display: block; margin-top: .5rem; font-size: .9rem; }
  input[type=text], input[type=email], select { display: block; width: 100%; box-sizing: border-box; padding: .45rem; margin-top: .2rem; font: inherit; }
  button { margin-top: 1.25rem; width: 100%; padding: .6rem; font: inherit; font-weight: 600; cursor: pointer; }
  .muted, small { color: GrayText; }
  .note { padding: .6rem .75rem; border-radius: .5rem; background: #8881; margin: 1rem 0; }
  .error { background: #d002; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<main>
  <h1>Sign in</h1>
  <p class="muted">Local identity provider for development: no passwords, pick who you are.</p>
  ${view.current ? `<p class="note">Signed in as <strong>${escapeHtml(view.current.name)}</strong>${view.current.orgName ? ` in ${escapeHtml(view.current.orgName)}` : ""}. <a href="/sign-out">Sign out</a></p>` : ""}
  ${view.error ? `<p class="note error" role="alert">${escapeHtml(view.error)}</p>` : ""}
  <form method="post" action="/sign-in" id="sign-in">
    <input type="hidden" name="redirect_url" value="${escapeHtml(view.redirectUrl ?? "")}">
    <h2>1. User</h2>
    <fieldset>
      ${userRows}
      <label class="choice">
        <input type="radio" name="user_id" value="new"${selected === "new" ? " checked" : ""}>
        <span><strong>New user…</strong></span>
      </label>
      <div id="new-user"${selected === "new" ? "" : " hidden"}>
        ${field("first_name", "First name")}
        ${field("last_name", "Last name")}
        ${field("email", "Email", "email")}
      </div>
    </fieldset>
    <h2>2. Organization</h2>
    <fieldset>
      <label>Active organization
        <select name="org" id="org"></select>
      </label>
      <div id="new-org" hidden>${field("org_name", "New organization name")}</div>
    </fieldset>
    <button type="submit">Continue</button>
  </form>
</main>
<script type="application/json" id="data">${scriptJson({ users: view.users, invitations: view.invitations, org: values.org ?? null })}</script>
<script>
  // Offer the selected user's organizations and the invitations sent to their email.
  const data = JSON.parse(document.getElementById("data").textContent);
  const form = document.getElementById("sign-in");
  const select = document.getElementById("org");

  function selectedUser() {
    const id = form.querySelector("input[name=user_id]:checked")?.value;
    return data.users.find((u) => u.id === id) ?? null;
  }

  function refresh() {
    const user = selectedUser();
    const email = (user ? user.email : form.email.value).trim().toLowerCase();
    const previous = select.value || data.org;
    const options = [["", "No active organization"]];
    for (const o of user ? user.orgs : []) options.push([o.id, o.name + " (" + o.role.replace(/^org:/, "") + ")"]);
    for (const i of data.invitations.filter((i) => i.email === email)) {
      options.push(["inv:" + i.id, "Accept invitation to " + i.orgName + " (" + i.role.replace(/^org:/, "") + ")"]);
    }
    options.push(["new", "Create a new organization…"]);
    select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
    const values = options.map(([value]) => value);
    select.value = values.includes(previous) ? previous : (values[1] !== "new" && values[1]) || "";
    document.getElementById("new-user").hidden = user !== null;
    toggleOrgName();
  }

  function toggleOrgName() {
    document.getElementById("new-org").hidden = select.value !== "new";
  }

  form.addEventListener("change", (e) => (e.target === select ? toggleOrgName() : refresh()));
  form.email.addEventListener("input", refresh);
  refresh();
</script>
</body>
</html>
`;
}

/** A one-message page for what cannot go on (e.g. a redirect target that is not local). */
export function renderMessage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>:root { color-scheme: light dark; font-family: system-ui, sans-serif; } main { max-width: 32rem; margin: 4rem auto; }</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/sign-in">Back to sign-in</a></p></main></body></html>
`;
}
