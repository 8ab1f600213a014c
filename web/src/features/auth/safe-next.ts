/** Where to go after login: only same-site paths, never an open redirect (`//evil.com`, `https://…`). */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") && !next.startsWith("/login") ? next : "/";
}
