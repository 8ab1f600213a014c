import { describe, expect, it } from "vitest";
import { canonicalJson, chainHash, GENESIS_HASH } from "./audit.chain";

const entry = {
  at: new Date("2026-11-23T10:00:00.000Z"),
  actorId: null,
  actorName: "system",
  action: "registry.project.created",
  entity: "project",
  entityId: "p1",
  before: null,
  after: { b: 1, a: { y: [1, 2], x: "中文" } },
};

describe("audit hash chain", () => {
  it("does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it("changes when content or predecessor changes", () => {
    const h = chainHash(GENESIS_HASH, entry);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, { ...entry, after: { ...entry.after, b: 2 } })).not.toBe(h);
    expect(chainHash("1".repeat(64), entry)).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...entry })).toBe(h);
  });
});
