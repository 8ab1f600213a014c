CREATE TABLE "auth_login_throttle" (
	"scope" text NOT NULL,
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"attempts" integer NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "auth_login_throttle_scope_username_ip_pk" PRIMARY KEY("scope","username","ip")
);
