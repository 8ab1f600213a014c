-- One rule vocabulary (contracts/platform/rules.ts). Thresholds move from inclusive dates to the half-open
-- [effective_from, effective_to) instants the device rules use: a day starts at 00:00 Asia/Shanghai, and the
-- last day in force (effective_to) becomes the instant the next day starts.
ALTER TABLE "platform_rules" ALTER COLUMN "effective_from" SET DATA TYPE timestamp with time zone USING ("effective_from"::timestamp AT TIME ZONE 'Asia/Shanghai');--> statement-breakpoint
ALTER TABLE "platform_rules" ALTER COLUMN "effective_to" SET DATA TYPE timestamp with time zone USING (("effective_to" + 1)::timestamp AT TIME ZONE 'Asia/Shanghai');
