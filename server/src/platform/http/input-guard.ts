import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";

type Where = "body" | "querystring" | "params";
interface Issue {
  path: string;
  message: string;
  in: Where;
}

const NUL_MESSAGE = "不能含有空字符 U+0000 (must not contain a NUL character)";
const SURROGATE_MESSAGE = "含有不成对的代理字符，不是有效的 Unicode (unpaired surrogate: not valid Unicode)";
const UTF8_MESSAGE = "不是有效的 UTF-8 编码 (not valid UTF-8)";
/** Enough to name the fields of any honest mistake without echoing a hostile body back at length. */
const MAX_ISSUES = 20;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** In JSON text, the only ways to spell NUL or a lone surrogate (raw control characters are not JSON). */
const RISKY_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;
/** Stands for the first undecodable byte while the body is parsed to find the field that holds it. */
const MARK = "\uFFFF";

/**
 * Text PostgreSQL cannot store as sent is refused at the door, for every route at once: NUL (which text and
 * jsonb reject, so it used to surface as a 500 from whichever query met it first) and broken Unicode (invalid
 * UTF-8 bytes or a lone `\uD800` escape, which the driver would silently store as U+FFFD). JSON bodies are
 * checked while they are parsed, query strings and path parameters before validation — after authentication,
 * so an anonymous caller still learns nothing but 401. Answers 400 VALIDATION naming each field.
 */
export function installInputGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body: Buffer, done) => {
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      done(rejected([undecodableField(body)]), undefined);
      return;
    }
    parseJson(req, text, (err, value) => {
      if (err) return done(err, undefined);
      // Walk the parsed body only when its text spells a risky escape: the common body is never walked.
      const issues = text.includes("\\u") && RISKY_ESCAPE.test(text) ? badStrings(value, "body") : [];
      done(issues.length ? rejected(issues) : null, value);
    });
  });
  // Callback style, not async: this runs on every request, the ingest routes' included.
  app.addHook("preValidation", (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
    // A path no route matched is answered 404 by the not-found handler, whatever it holds.
    if (req.is404) return done();
    const issues = [...badStrings(req.params, "params"), ...badStrings(req.query, "querystring")];
    done(issues.length ? rejected(issues) : undefined);
  });
}

function rejected(issues: Issue[]): AppError {
  const where = [...new Set(issues.map((i) => i.in))].join(", ");
  const fields = issues.map((i) => i.path || i.in).join(", ");
  return new AppError("VALIDATION", `输入含有无法保存的字符 (invalid characters in ${where}: ${fields})`, { issues });
}

/** Every string (keys too) holding NUL or a lone surrogate, with its dotted path, e.g. `rows.3.name`. */
function badStrings(value: unknown, where: Where): Issue[] {
  const issues: Issue[] = [];
  const visit = (v: unknown, path: string): void => {
    if (issues.length >= MAX_ISSUES) return;
    if (typeof v === "string") {
      const message = v.includes("\u0000") ? NUL_MESSAGE : LONE_SURROGATE.test(v) ? SURROGATE_MESSAGE : null;
      if (message) issues.push({ path, message, in: where });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, join(path, String(i))));
    } else if (v !== null && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) {
        const at = join(path, key);
        visit(key, at);
        visit(item, at);
      }
    }
  };
  visit(value, "");
  return issues;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * The field holding the first undecodable byte. A lenient decode re-encodes identically up to that byte, so
 * the first difference locates it; it is replaced by MARK and the body parsed to find the string containing
 * MARK. A byte outside any string leaves the body unparseable: then the body as a whole is named.
 */
function undecodableField(body: Buffer): Issue {
  const lenient = body.toString("utf8");
  const again = Buffer.from(lenient, "utf8");
  let at = 0;
  while (at < body.length && body[at] === again[at]) at++;
  const index = body.subarray(0, at).toString("utf8").length;
  let path = "";
  try {
    const marked = lenient.slice(0, index) + MARK + lenient.slice(index + 1);
    path = findMark(JSON.parse(marked.replace(/^\uFEFF/, "")), "") ?? "";
  } catch {
    // Not JSON either; the body is named as a whole.
  }
  return { path, message: UTF8_MESSAGE, in: "body" };
}

function findMark(v: unknown, path: string): string | null {
  if (typeof v === "string") return v.includes(MARK) ? path : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const found = findMark(v[i], join(path, String(i)));
      if (found !== null) return found;
    }
  } else if (v !== null && typeof v === "object") {
    for (const [key, item] of Object.entries(v)) {
      const found = key.includes(MARK) ? join(path, key.replace(MARK, "\uFFFD")) : findMark(item, join(path, key));
      if (found !== null) return found;
    }
  }
  return null;
}
