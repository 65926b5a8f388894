-- Idempotency keys belong to the principal that sent them. Keys stored before this had no owner: they
-- get the empty principal, which no token carries, so they are never replayed to anyone.
ALTER TABLE "idempotency_key" ADD COLUMN "principal" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_key" ALTER COLUMN "principal" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "idempotency_key" DROP CONSTRAINT "idempotency_key_pkey";--> statement-breakpoint
ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_pkey" PRIMARY KEY("principal","key");--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "disabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "token_version" bigint DEFAULT 0 NOT NULL;
