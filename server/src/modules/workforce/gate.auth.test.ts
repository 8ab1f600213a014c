import { describe, expect, it } from "vitest";
import { sha256 } from "../../platform/auth/secrets.js";
import { challenges, checkNonce, credentialsOf, digestParams, digestResponse, DIGEST_REALM, issueNonce, md5, NONCE_TTL_MS, verifyGate, type GateDevice } from "./gate.auth.js";

const secret = "m3Yc8Q0v2a9LrT1Zk7pW4xN6bD5sE0fH";
const gate: GateDevice = {
  id: "00000000-0000-4000-8000-000000000001",
  code: "YK-GATE-01",
  projectId: "00000000-0000-4000-8000-000000000002",
  type: "gate",
  enabled: true,
  secretHash: sha256(secret),
  reportIntervalS: 60,
  digestHa1: md5(`YK-GATE-01:${DIGEST_REALM}:${secret}`),
};
const req = { method: "POST", requestUri: "/api/v1/integrations/hikvision/YK-GATE-01/events" };
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;

/** What a terminal answers to our challenge (RFC 7616 §3.4, qop=auth). */
function digestHeader(opts: { nonce: string; ha1?: string; uri?: string; user?: string; nc?: string }) {
  const uri = opts.uri ?? req.requestUri;
  const p = { nonce: opts.nonce, nc: opts.nc ?? "00000001", cnonce: "0a4f113b", method: req.method, uri };
  const response = digestResponse(opts.ha1 ?? gate.digestHa1!, p);
  return `Digest username="${opts.user ?? gate.code}", realm="${DIGEST_REALM}", nonce="${p.nonce}", uri="${uri}", algorithm=MD5, qop=auth, nc=${p.nc}, cnonce="${p.cnonce}", response="${response}"`;
}

describe("gate credentials", () => {
  it("computes RFC 7616's MD5 example response", () => {
    const ha1 = md5("Mufasa:http-auth@example.org:Circle of Life");
    const response = digestResponse(ha1, {
      nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
      nc: "00000001",
      cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
      method: "GET",
      uri: "/dir/index.html",
    });
    expect(response).toBe("8ca523f5e9506fed4657c9700eebdbec");
  });

  it("accepts Basic with the gate's code, Bearer and the URL token; refuses a wrong secret or another code", () => {
    expect(verifyGate(gate, credentialsOf(basic(gate.code, secret), undefined), req)).toEqual({ ok: true, via: "basic" });
    expect(verifyGate(gate, credentialsOf(`Bearer ${secret}`, undefined), req)).toEqual({ ok: true, via: "bearer" });
    expect(verifyGate(gate, credentialsOf(undefined, secret), req)).toEqual({ ok: true, via: "token" });
    expect(verifyGate(gate, credentialsOf(basic(gate.code, "nope"), undefined), req)).toMatchObject({ ok: false, presented: true });
    expect(verifyGate(gate, credentialsOf(basic("YK-GATE-02", secret), undefined), req)).toMatchObject({ ok: false, presented: true });
    expect(verifyGate(gate, credentialsOf(undefined, undefined), req)).toMatchObject({ ok: false, presented: false });
    expect(verifyGate(gate, credentialsOf("Negotiate abc", undefined), req)).toMatchObject({ ok: false, presented: true });
  });

  it("accepts a Digest answer to its own nonce, from any process (the nonce is signed, not stored)", () => {
    const nonce = issueNonce(gate, gate.code);
    expect(checkNonce(gate, nonce)).toBe("ok");
    expect(verifyGate(gate, credentialsOf(digestHeader({ nonce }), undefined), req)).toEqual({ ok: true, via: "digest" });
    // Absolute URI form, as some clients send it.
    const abs = digestHeader({ nonce, uri: `http://platform.example${req.requestUri}` });
    expect(verifyGate(gate, credentialsOf(abs, undefined), req)).toEqual({ ok: true, via: "digest" });
  });

  it("refuses a wrong password, a forged or foreign nonce, another uri; asks again with stale=true for an old nonce", () => {
    const nonce = issueNonce(gate, gate.code);
    const wrong = digestHeader({ nonce, ha1: md5(`${gate.code}:${DIGEST_REALM}:guess`) });
    expect(verifyGate(gate, credentialsOf(wrong, undefined), req)).toMatchObject({ ok: false, presented: true, stale: false });
    const forged = `${nonce.split(".")[0]}.${"A".repeat(32)}`;
    expect(verifyGate(gate, credentialsOf(digestHeader({ nonce: forged }), undefined), req)).toMatchObject({ ok: false, message: "unknown Digest nonce" });
    const otherGate = issueNonce({ code: "YK-GATE-02", secretHash: sha256("other") }, "YK-GATE-02");
    expect(verifyGate(gate, credentialsOf(digestHeader({ nonce: otherGate }), undefined), req)).toMatchObject({ ok: false });
    const elsewhere = digestHeader({ nonce, uri: "/api/v1/integrations/gates/YK-GATE-01/roster" });
    expect(verifyGate(gate, credentialsOf(elsewhere, undefined), req)).toMatchObject({ ok: false });
    const old = issueNonce(gate, gate.code, Date.now() - NONCE_TTL_MS - 1000);
    expect(verifyGate(gate, credentialsOf(digestHeader({ nonce: old }), undefined), req)).toMatchObject({ ok: false, stale: true, presented: false });
    expect(challenges(gate, gate.code, true)[0]).toMatch(/^Digest realm="sitecloud", nonce="[0-9a-f]+\.[\w-]{32}", qop="auth", algorithm=MD5, stale=true$/);
  });

  it("without a stored HA1 a gate cannot use Digest", () => {
    const nonce = issueNonce(gate, gate.code);
    const noHa1 = { ...gate, digestHa1: null };
    expect(verifyGate(noHa1, credentialsOf(digestHeader({ nonce }), undefined), req)).toMatchObject({ ok: false });
  });

  it("parses quoted and bare Digest parameters", () => {
    expect(digestParams(`username="a\\"b", qop=auth, nc=00000001, uri="/x?y=1,2"`)).toEqual({ username: 'a"b', qop: "auth", nc: "00000001", uri: "/x?y=1,2" });
  });
});
