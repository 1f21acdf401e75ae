/** Types for scripts/doctor.mjs (a plain Node script). */
export declare function frontendApiHost(publishableKey: string | undefined): string | null;
export declare function isEmulatorKey(publishableKey: string | undefined): boolean;
type Problem = string | null;
export declare const checks: {
  publishableKey(pk: string | undefined): Problem;
  appUrl(url: string | undefined): Problem;
  secretKey(sk: string | undefined, pk: string | undefined): Problem;
  issuer(issuer: string | undefined, pk: string | undefined): Problem;
  webhookSecret(secret: string | undefined): Problem;
  selfHosted(url: string | undefined, adminKey: string | undefined, deployment: string | undefined): Problem;
  convexUrl(url: string | undefined, mode: "cloud" | "local"): Problem;
};
