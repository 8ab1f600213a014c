import { z } from "zod";

/*
 * The console runs under a Content-Security-Policy without 'unsafe-eval'. Zod probes `new Function` when its
 * first object schema is built (to compile fast parsers); the CSP refuses it and the browser reports a
 * violation on every page load even though zod falls back. Imported first by main.tsx, before any contract
 * schema is built, so the probe never runs.
 */
z.config({ jitless: true });
