/**
 * `GET /v1/environment`: the instance as clerk-js sees it, built from the
 * settings in the data file. A production-type instance (no development
 * banner, no dev-browser handshake), email address + password, email codes,
 * first and last name, Organizations on; no social providers,
 * passkeys, MFA, captcha, billing or API keys.
 */
import type { AttributeDataJSON, DisplayConfigJSON, EnvironmentJSON, OrganizationSettingsJSON, UserSettingsJSON } from "@clerk/shared/types";
import type { InstanceSettings } from "../settings";

type Urls = {
  /** The app's origin (home, sign-in and sign-up pages); ClerkProvider's props take precedence. */
  appUrl: string;
};

const off: AttributeDataJSON = {
  enabled: false,
  required: false,
  verifications: [],
  used_for_first_factor: false,
  first_factors: [],
  used_for_second_factor: false,
  second_factors: [],
  verify_at_sign_up: false,
};

export function environmentJson(settings: InstanceSettings, { appUrl }: Urls): EnvironmentJSON {
  const emailCode = settings.sign_in.email_code;
  const display: DisplayConfigJSON = {
    object: "display_config",
    id: "display_config_emulator",
    instance_environment_type: "production",
    application_name: settings.application_name,
    theme: {
      general: { color: "#6c47ff", background_color: "#ffffff", font_family: "", font_color: "#151515", label_font_weight: "600", padding: "1em", border_radius: "0.5em", box_shadow: "0 2px 8px rgba(0, 0, 0, 0.2)" },
      buttons: { font_color: "#ffffff", font_family: "", font_weight: "600" },
      accounts: { background_color: "#ffffff" },
    },
    preferred_sign_in_strategy: settings.sign_in.password ? "password" : "otp",
    logo_image_url: "",
    favicon_image_url: "",
    home_url: appUrl,
    sign_in_url: `${appUrl}/sign-in`,
    sign_up_url: `${appUrl}/sign-up`,
    user_profile_url: `${appUrl}/profile`,
    waitlist_url: "",
    after_sign_in_url: appUrl,
    after_sign_up_url: appUrl,
    after_sign_out_one_url: appUrl,
    after_sign_out_all_url: appUrl,
    after_switch_session_url: appUrl,
    after_join_waitlist_url: "",
    organization_profile_url: "",
    create_organization_url: "",
    after_leave_organization_url: appUrl,
    after_create_organization_url: appUrl,
    support_email: "",
    branded: false,
    captcha_public_key: null,
    captcha_widget_type: null,
    captcha_public_key_invisible: null,
    captcha_provider: "turnstile",
    captcha_oauth_bypass: null,
    show_devmode_warning: false,
    terms_url: "",
    privacy_policy_url: "",
  };

  const userSettings: Omit<UserSettingsJSON, "id" | "object" | "social"> = {
    attributes: {
      email_address: {
        ...off,
        enabled: true,
        required: true,
        used_for_first_factor: true,
        first_factors: emailCode ? ["email_code"] : [],
        verifications: emailCode ? ["email_code"] : [],
        verify_at_sign_up: true,
      },
      password: { ...off, enabled: settings.sign_in.password, required: settings.sign_in.password },
      first_name: { ...off, enabled: settings.sign_up.names !== "off", required: settings.sign_up.names === "required" },
      last_name: { ...off, enabled: settings.sign_up.names !== "off", required: settings.sign_up.names === "required" },
      phone_number: off,
      username: off,
      web3_wallet: off,
      authenticator_app: off,
      backup_code: off,
      passkey: off,
    },
    actions: { delete_self: true, create_organization: settings.organizations.users_can_create },
    enterprise_sso: { enabled: false, self_serve_sso: false, self_serve_directory_sync: false },
    sign_in: { second_factor: { required: false, enabled: false } },
    sign_up: {
      allowlist_only: false,
      progressive: true,
      captcha_enabled: false,
      mode: settings.sign_up.enabled ? "public" : "restricted",
      legal_consent_enabled: false,
    },
    password_settings: {
      allowed_special_characters: "",
      disable_hibp: true,
      min_length: settings.password.min_length,
      max_length: 72,
      require_special_char: false,
      require_numbers: false,
      require_uppercase: false,
      require_lowercase: false,
      show_zxcvbn: false,
      min_zxcvbn_strength: 0,
    },
    passkey_settings: { allow_autofill: false, show_sign_in_button: false },
    username_settings: { min_length: 4, max_length: 64 },
    attack_protection: { enumeration_protection: { enabled: false } },
  };

  const organizationSettings: Omit<OrganizationSettingsJSON, "id" | "object"> = {
    enabled: settings.organizations.enabled,
    max_allowed_memberships: settings.organizations.max_allowed_memberships,
    force_organization_selection: !settings.organizations.personal_accounts,
    actions: { admin_delete: true },
    domains: { enabled: false, enrollment_modes: [], default_role: null },
    slug: { disabled: false },
    organization_creation_defaults: { enabled: false },
  };

  return {
    object: "environment",
    id: "env_emulator",
    maintenance_mode: false,
    auth_config: { object: "auth_config", id: "aac_emulator", single_session_mode: true, claimed_at: null, reverification: false },
    display_config: display,
    // Clerk's type requires every OAuth provider; an instance without social connections sends none.
    user_settings: { ...userSettings, social: {} } as UserSettingsJSON,
    // Clerk's type marks `id` and `object` as `never` here: the real payload has neither.
    organization_settings: organizationSettings as OrganizationSettingsJSON,
    commerce_settings: {
      object: "commerce_settings",
      id: "commerce_settings_emulator",
      billing: { stripe_publishable_key: null, organization: { enabled: false, has_paid_plans: false }, user: { enabled: false, has_paid_plans: false } },
    },
    api_keys_settings: { object: "api_keys_settings", id: "api_keys_settings_emulator", user_api_keys_enabled: false, orgs_api_keys_enabled: false },
    protect_config: { object: "protect_config", id: "protect_config_emulator" },
  };
}
