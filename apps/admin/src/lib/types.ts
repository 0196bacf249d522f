import type { AdminRouter } from "@marquee/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type Inputs = inferRouterInputs<AdminRouter>;
type Outputs = inferRouterOutputs<AdminRouter>;

export type Me = NonNullable<Outputs["me"]>;
export type Membership = Me["memberships"][number];
export type TenantRow = Outputs["tenants"]["list"][number];
export type MemberRow = Outputs["members"]["list"][number];
export type CloudflareSettings = Outputs["settings"]["cloudflare"]["get"];
export type CloudflareSaveInput = Inputs["settings"]["cloudflare"]["save"];
export type VideoRow = Outputs["videos"]["list"]["items"][number];
export type VideoStatus = VideoRow["status"];
export type VideoAccessLevel = VideoRow["accessLevel"];
export type VideoDetail = Outputs["videos"]["byId"];
export type VideoStats = Outputs["videos"]["stats"]["last7Days"];
export type TierOption = Outputs["tiers"]["list"][number];
export type PaymentSettings = Outputs["settings"]["payments"]["get"];
export type PaymentTestResult = Outputs["settings"]["payments"]["test"];
export type TierRow = Outputs["tiers"]["listAll"][number];
export type PackRow = Outputs["packs"]["list"][number];
export type StripeSync = Outputs["tiers"]["create"]["stripe"];
export type TierArchiveResult = Outputs["tiers"]["archive"];
export type TokenHistoryEntry = Outputs["members"]["tokenHistory"]["entries"][number];
export type Subscription = NonNullable<MemberRow["subscription"]>;
