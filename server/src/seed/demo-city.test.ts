import { describe, expect, it } from "vitest";
import { LIVE_PROJECT_STATUSES, POST_REQUIREMENTS, YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { creditCodeProblem, idNumberProblem, parseIdNumber } from "@contracts/registry/identifiers";
import { expiryOf } from "../modules/registry/expiry.checks.js";
import { parseSeedArgs } from "./args.js";
import { addDays, validityDates } from "./calendar.js";
import { generateDemoCity } from "./demo-city.js";
import { isInside, loadOutline } from "./geo.js";
import { createRng } from "./prng.js";

// A fixed moment keeps the generated city identical from run to run (today = 2026-03-15 in Asia/Shanghai).
const NOW = new Date("2026-03-15T04:00:00Z");
const city = generateDemoCity({ scale: 0.25, now: NOW });

describe("generated identifiers", () => {
  it("gives every person a valid, unique ID number whose birth date and gender digit match the record", () => {
    expect(city.persons.length).toBe(5000);
    for (const p of city.persons) {
      expect(idNumberProblem(p.idNumber, NOW), p.idNumber).toBeNull();
      expect(parseIdNumber(p.idNumber)).toEqual({ birthDate: p.birthDate, gender: p.gender });
      expect(p.birthDate >= "1960-01-01" && p.birthDate <= "2004-12-31").toBe(true);
    }
    expect(new Set(city.persons.map((p) => p.idNumber)).size).toBe(city.persons.length);
    expect(city.persons.filter((p) => p.idNumber.startsWith("330784")).length / city.persons.length).toBeGreaterThan(0.4);
  });

  it("gives every enterprise a valid, unique 永康 credit code and a 永康市…有限公司 name", () => {
    for (const e of city.enterprises) {
      expect(creditCodeProblem(e.row.creditCode), e.row.creditCode).toBeNull();
      expect(e.row.creditCode.slice(2, 8)).toBe("330784");
      expect(e.row.name).toMatch(/^永康市.+有限公司$/);
    }
    expect(new Set(city.enterprises.map((e) => e.row.creditCode)).size).toBe(city.enterprises.length);
    expect(new Set(city.enterprises.map((e) => e.row.name)).size).toBe(city.enterprises.length);
  });

  it("keeps certificate and qualification numbers unique per kind", () => {
    const certKeys = city.certificates.map((c) => `${c.kind}|${c.certNo}`);
    expect(new Set(certKeys).size).toBe(certKeys.length);
    const qualNos = city.enterprises.flatMap((e) => e.qualifications.map((q) => q.certNo));
    expect(new Set(qualNos).size).toBe(qualNos.length);
  });
});

describe("geography", () => {
  const outline = loadOutline();

  it("tells inside from outside on known points", () => {
    expect(isInside(outline, 120.102417, 28.934317)).toBe(true); // the published centroid
    expect(isInside(outline, 119.65, 29.08)).toBe(false); // 金华 city centre, outside 永康
    expect(isInside(outline, 116.4, 39.9)).toBe(false);
  });

  it("places every project inside the 永康市 outline, in a 永康 district", () => {
    for (const p of city.projects) {
      expect(isInside(outline, p.row.lng!, p.row.lat!), `${p.row.name} ${p.row.lng},${p.row.lat}`).toBe(true);
      expect(YONGKANG_DISTRICTS).toContain(p.row.district);
      expect(p.row.name.startsWith(`永康市${p.row.district}`)).toBe(true);
    }
  });
});

describe("projects and key posts", () => {
  const certsOf = new Map<string, typeof city.certificates>();
  for (const c of city.certificates) certsOf.set(c.personId, [...(certsOf.get(c.personId) ?? []), c]);
  const employerOf = new Map(city.persons.map((p) => [p.id, p.employerId]));

  it("has the intended status mix and permits exactly for started projects", () => {
    const n = city.projects.length;
    expect(n).toBe(100);
    const share = (s: string) => city.projects.filter((p) => p.row.status === s).length / n;
    expect(share("in_progress")).toBeCloseTo(0.6, 1);
    expect(share("approved")).toBeCloseTo(0.15, 1);
    expect(share("completed")).toBeCloseTo(0.15, 1);
    for (const p of city.projects) expect(p.row.permitNo === null).toBe(p.row.status === "approved");
  });

  it("gives each live project one project manager who is nobody else's live PM and holds valid certificates from its general contractor", () => {
    const today = city.today;
    const livePms = city.posts.filter((p) => p.post === "project_manager" && p.endedOn === null);
    const live = city.projects.filter((p) => LIVE_PROJECT_STATUSES.includes(p.row.status));
    expect(livePms.map((p) => p.projectId).sort()).toEqual(live.map((p) => p.row.id).sort());
    expect(new Set(livePms.map((p) => p.personId)).size).toBe(livePms.length);
    for (const post of livePms) {
      const project = live.find((p) => p.row.id === post.projectId)!;
      expect(employerOf.get(post.personId)).toBe(project.generalContractorId);
      for (const kind of POST_REQUIREMENTS.project_manager.certificates) {
        expect(certsOf.get(post.personId)?.some((c) => c.kind === kind && c.expiresOn >= today), `${kind} of ${post.personId}`).toBe(true);
      }
    }
  });

  it("staffs live safety officers and chief supervisors with valid certificates, and ends the posts of completed projects", () => {
    for (const post of city.posts) {
      const project = city.projects.find((p) => p.row.id === post.projectId)!;
      if (project.row.status === "completed") expect(post.endedOn).toBe(project.row.actualEnd);
      if (post.endedOn !== null) continue;
      for (const kind of POST_REQUIREMENTS[post.post].certificates) {
        expect(certsOf.get(post.personId)?.some((c) => c.kind === kind && c.expiresOn >= city.today)).toBe(true);
      }
      expect(employerOf.get(post.personId)).toBe(post.enterpriseId);
    }
    const liveChiefs = city.posts.filter((p) => p.post === "chief_supervisor" && p.endedOn === null);
    expect(liveChiefs.length).toBeGreaterThan(0);
  });

  it("lets only enterprises with a qualification valid today take qualified roles", () => {
    const byId = new Map(city.enterprises.map((e) => [e.row.id, e]));
    for (const p of city.participants) {
      if (p.role === "builder") continue;
      const e = byId.get(p.enterpriseId)!;
      expect(e.row.status).toBe("normal");
      expect(e.qualifications.some((q) => q.expiresOn >= city.today), `${e.row.name} as ${p.role}`).toBe(true);
    }
  });

  it("binds the demo accounts to the right enterprises and projects", () => {
    const user = (name: string) => city.users.find((u) => u.username === name)!;
    const contractorProjects = city.participants.filter((p) => p.enterpriseId === user("contractor").enterpriseId && p.role === "general_contractor");
    expect(contractorProjects.length).toBeGreaterThanOrEqual(3);
    expect(user("project").projectIds).toHaveLength(2);
    const typeOf = (id: string | null) => city.enterprises.find((e) => e.row.id === id)?.row.type;
    expect(typeOf(user("testing").enterpriseId)).toBe("testing");
    expect(typeOf(user("gas").enterpriseId)).toBe("gas");
    expect(user("inspector").domain).toBe("safety");
    expect(user("quality").domain).toBe("quality");
  });
});

describe("expiry mix and determinism", () => {
  it("has about 5% expired and 5% expiring documents relative to today", () => {
    const all = [...city.certificates.map((c) => c.expiresOn), ...city.enterprises.flatMap((e) => e.qualifications.map((q) => q.expiresOn))];
    const share = (state: string) => all.filter((d) => expiryOf(d, city.today) === state).length / all.length;
    expect(share("expired")).toBeGreaterThan(0.02);
    expect(share("expired")).toBeLessThan(0.08);
    expect(share("expiring")).toBeGreaterThan(0.02);
    expect(share("expiring")).toBeLessThan(0.1);
  });

  it("draws expiry dates in the intended windows", () => {
    const rng = createRng(1);
    const today = "2026-03-15";
    expect(expiryOf(validityDates(rng, today, 3, { expired: 1, expiring: 0 }).expiresOn, today)).toBe("expired");
    expect(expiryOf(validityDates(rng, today, 3, { expired: 0, expiring: 1 }).expiresOn, today)).toBe("expiring");
    const valid = validityDates(rng, today, 3, { expired: 0, expiring: 0 });
    expect(expiryOf(valid.expiresOn, today)).toBe("valid");
    expect(valid.issuedOn <= today && valid.issuedOn === addDays(valid.expiresOn, -1096)).toBe(true);
  });

  it("generates the same city for the same seed and day, and a different one for another seed", () => {
    const again = generateDemoCity({ scale: 0.05, now: NOW });
    const first = generateDemoCity({ scale: 0.05, now: NOW });
    expect(again.persons.map((p) => p.idNumber)).toEqual(first.persons.map((p) => p.idNumber));
    expect(again.projects.map((p) => p.row.id)).toEqual(first.projects.map((p) => p.row.id));
    const other = generateDemoCity({ scale: 0.05, now: NOW, seed: 7 });
    expect(other.persons[0].idNumber).not.toBe(first.persons[0].idNumber);
  });

  it("scales counts, with fractional scales and minimums for tiny cities", () => {
    const tiny = generateDemoCity({ scale: 0.02, now: NOW });
    expect(tiny.enterprises.length).toBeGreaterThanOrEqual(30);
    expect(tiny.persons.length).toBe(400);
    expect(tiny.projects.length).toBe(8);
    expect(() => generateDemoCity({ scale: 0 })).toThrow(/positive/);
    expect(() => generateDemoCity({ scale: Number.NaN })).toThrow(/positive/);
  });
});

describe("npm run seed arguments", () => {
  it("accepts --scale N and --scale=N", () => {
    expect(parseSeedArgs([])).toEqual({ scale: 1 });
    expect(parseSeedArgs(["--scale", "5"])).toEqual({ scale: 5 });
    expect(parseSeedArgs(["--scale=0.5"])).toEqual({ scale: 0.5 });
  });

  it.each([[["--scale", "abc"]], [["--scale"]], [["--scale", "0"]], [["--scale", "-1"]], [["--scale=1e3"]], [["--scale", "101"]], [["--size", "2"]]])(
    "rejects %j with a message",
    (argv) => {
      const parsed = parseSeedArgs(argv);
      expect("error" in parsed && parsed.error).toMatch(/scale|unknown argument/);
    },
  );
});
