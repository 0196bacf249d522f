import type { PortalRouter } from "@marquee/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<PortalRouter>;

/** A signed-in viewer, as `auth.me` returns it. */
export type Me = NonNullable<Outputs["auth"]["me"]>;
export type PublicTenant = Outputs["tenant"]["bySlug"];

/** A video of the catalog grid; `locked` says what would let the viewer watch it. */
export type CatalogVideo = Outputs["videos"]["list"]["items"][number];
export type VideoLock = NonNullable<CatalogVideo["locked"]>;

export type Playback = Outputs["playback"]["get"];
export type PlaybackDenied = Extract<Playback, { allowed: false }>;
export type PlaybackAllowed = Extract<Playback, { allowed: true }>;

export type BillingOffers = Outputs["billing"]["offers"];
export type OfferTier = BillingOffers["tiers"][number];
export type TokenPack = BillingOffers["packs"][number];
export type BillingInterval = "month" | "year";

export type BillingOverview = Outputs["billing"]["overview"];
export type MemberSubscription = NonNullable<BillingOverview["subscription"]>;
export type CheckoutStatus = Outputs["billing"]["checkoutStatus"];

export type LedgerEntry = Outputs["wallet"]["history"]["entries"][number];

export type LiveClassList = Outputs["live"]["list"];
/** A class of the Live page; `enrolled` and `canWatch` say what the viewer may do with it. */
export type LiveClass = LiveClassList["upcoming"][number];
export type LiveWatch = Outputs["live"]["watch"];
export type LiveWatchState = LiveWatch["state"];
/** The class as the watch page describes it, whatever the state. */
export type LiveClassView = LiveWatch["class"];
