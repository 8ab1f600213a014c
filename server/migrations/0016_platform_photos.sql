CREATE TABLE "platform_photos" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"uploaded_by" uuid,
	"enterprise_id" uuid,
	"city_wide" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_photos_kind_id_pk" PRIMARY KEY("kind","id")
);
