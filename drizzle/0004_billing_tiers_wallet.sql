CREATE TYPE "public"."token_reason" AS ENUM('purchase', 'enrollment', 'refund', 'grant', 'deduction');--> statement-breakpoint
CREATE TYPE "public"."billing_interval" AS ENUM('month', 'year');--> statement-breakpoint
ALTER TYPE "public"."subscription_status" ADD VALUE 'incomplete_expired' BEFORE 'trialing';--> statement-breakpoint
ALTER TYPE "public"."subscription_status" ADD VALUE 'paused';--> statement-breakpoint
CREATE TABLE "stripe_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"account_id" text,
	"account_name" text,
	"secret_key_sealed" text,
	"secret_key_hint" text,
	"webhook_secret_sealed" text,
	"webhook_secret_hint" text,
	"webhook_endpoint_id" text,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_customers" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"customer_id" text NOT NULL,
	"account_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stripe_customers_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "token_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"balance_after" integer NOT NULL,
	"reason" "token_reason" NOT NULL,
	"reference" text,
	"note" text,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "token_ledger_delta_check" CHECK ("token_ledger"."delta" <> 0),
	CONSTRAINT "token_ledger_balance_check" CHECK ("token_ledger"."balance_after" >= 0)
);
--> statement-breakpoint
CREATE TABLE "token_packs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"tokens" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text DEFAULT 'usd' NOT NULL,
	"stripe_product_id" text,
	"stripe_price_id" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "token_packs_tokens_check" CHECK ("token_packs"."tokens" > 0),
	CONSTRAINT "token_packs_price_check" CHECK ("token_packs"."price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "token_wallets" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "token_wallets_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id"),
	CONSTRAINT "token_wallets_balance_check" CHECK ("token_wallets"."balance" >= 0)
);
--> statement-breakpoint
DROP INDEX "subscriptions_tenant_user_key";--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "currency" text DEFAULT 'usd' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "past_due_grace_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "stripe_subscription_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "stripe_customer_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "stripe_price_id" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "interval" "billing_interval";--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "cancel_at_period_end" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "past_due_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "canceled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "benefits" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "currency" text DEFAULT 'usd' NOT NULL;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "monthly_price_cents" integer;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "yearly_price_cents" integer;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "stripe_product_id" text;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "stripe_monthly_price_id" text;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "stripe_yearly_price_id" text;--> statement-breakpoint
ALTER TABLE "stripe_connections" ADD CONSTRAINT "stripe_connections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_ledger" ADD CONSTRAINT "token_ledger_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_ledger" ADD CONSTRAINT "token_ledger_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_ledger" ADD CONSTRAINT "token_ledger_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_packs" ADD CONSTRAINT "token_packs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_wallets" ADD CONSTRAINT "token_wallets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_wallets" ADD CONSTRAINT "token_wallets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_connections_tenant_key" ON "stripe_connections" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_customers_customer_key" ON "stripe_customers" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "token_ledger_reference_key" ON "token_ledger" USING btree ("tenant_id","reason","reference") WHERE "token_ledger"."reference" is not null;--> statement-breakpoint
CREATE INDEX "token_ledger_member_idx" ON "token_ledger" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "token_packs_tenant_idx" ON "token_packs" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_stripe_id_key" ON "subscriptions" USING btree ("tenant_id","stripe_subscription_id");--> statement-breakpoint
CREATE INDEX "subscriptions_tenant_user_idx" ON "subscriptions" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "subscriptions_tier_idx" ON "subscriptions" USING btree ("tier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tiers_tenant_rank_key" ON "tiers" USING btree ("tenant_id","rank") WHERE "tiers"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "tiers_stripe_product_idx" ON "tiers" USING btree ("stripe_product_id");--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_monthly_price_check" CHECK ("tiers"."monthly_price_cents" is null or "tiers"."monthly_price_cents" >= 0);--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_yearly_price_check" CHECK ("tiers"."yearly_price_cents" is null or "tiers"."yearly_price_cents" >= 0);--> statement-breakpoint
-- The ledger is append-only: a correction is a new row. Only the foreign keys' own
-- actions (a deleted tenant or user) may remove or touch rows; they run one trigger deeper.
CREATE FUNCTION "marquee_token_ledger_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() > 1 THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'token_ledger is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;--> statement-breakpoint
CREATE TRIGGER "token_ledger_append_only" BEFORE UPDATE OR DELETE ON "token_ledger"
  FOR EACH ROW EXECUTE FUNCTION "marquee_token_ledger_append_only"();
