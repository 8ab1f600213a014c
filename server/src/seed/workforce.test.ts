import { describe, expect, it } from "vitest";
import { shanghaiDay } from "@contracts/platform/time";
import { latestOwedMonth } from "../modules/workforce/wage.checks.js";
import { addYears } from "../modules/workforce/worker.workflow.js";
import { generateDemoCity } from "./demo-city.js";
import type { DeviceCredential } from "./iot-devices.js";
import { decodeEntry, withGates } from "./workforce.js";

// 10:30 in Shanghai: the morning shift is in.
const NOW = new Date("2026-03-18T02:30:00Z");
const city = generateDemoCity({ scale: 0.1, now: NOW });
const wf = city.workforce;
const live = city.projects.filter((p) => p.row.status === "in_progress");
const minutesOf = (ms: number) => ((ms + 8 * 3600_000) % 86_400_000) / 60_000;

describe("the demo city's workforce", () => {
  it("puts one gate, 2–5 teams and workers on every 在建 project and nothing elsewhere", () => {
    expect(live.length).toBeGreaterThan(5);
    for (const p of live) {
      expect(wf.gates.filter((g) => g.row.projectId === p.row.id).map((g) => g.row.type)).toEqual(["gate"]);
      const teams = wf.teams.filter((t) => t.projectId === p.row.id).length;
      expect(teams).toBeGreaterThanOrEqual(2);
      expect(teams).toBeLessThanOrEqual(5);
      const workers = wf.workers.filter((w) => w.projectId === p.row.id).length;
      expect(workers).toBeGreaterThanOrEqual(Math.min(20, teams));
      expect(workers).toBeLessThanOrEqual(60);
    }
    const liveIds = new Set(live.map((p) => p.row.id));
    expect([...wf.gates.map((g) => g.row.projectId), ...wf.teams.map((t) => t.projectId), ...wf.workers.map((w) => w.projectId)].every((id) => liveIds.has(id))).toBe(true);
    expect(new Set(wf.gates.map((g) => g.row.code)).size).toBe(wf.gates.length);
    expect(new Set([...city.devices.map((d) => d.row.code), ...wf.gates.map((g) => g.row.code)]).size).toBe(city.devices.length + wf.gates.length);
  });

  it("admits registry people holding no key post, each once, with a signed contract and entry training within the year", () => {
    const persons = new Set(city.persons.map((p) => p.id));
    const posted = new Set(city.posts.map((p) => p.personId));
    const blacklisted = new Set(wf.blacklist.map((b) => b.personId));
    expect(new Set(wf.workers.map((w) => w.personId)).size).toBe(wf.workers.length);
    const today = city.today;
    for (const w of wf.workers) {
      expect(persons.has(w.personId) && !posted.has(w.personId) && !blacklisted.has(w.personId)).toBe(true);
      expect(w.contractSignedOn! <= w.enteredOn!).toBe(true);
      expect(w.contractEnd! > today).toBe(true);
      const trained = wf.trainings.filter((t) => t.personId === w.personId && t.passed && t.kind === "entry_three_level").map((t) => t.trainedOn);
      expect(trained.some((d) => d <= today && d > addYears(today, -1)), w.id).toBe(true);
    }
    expect(wf.blacklist.length).toBeGreaterThanOrEqual(3);
    expect(wf.blacklist.length).toBeLessThanOrEqual(5);
    expect(wf.blacklist.every((b) => b.reason.length > 5 && persons.has(b.personId))).toBe(true);
  });

  it("records realistic working days: in 07:00–08:00, out 17:00–18:30 (Asia/Shanghai), and is 在场 exactly when seen at the gate", () => {
    const workerIds = new Set(wf.workers.map((w) => w.id));
    let entries = 0;
    for (const a of wf.attendance) {
      for (const e of a.entries.map((x) => decodeEntry(wf.from, x))) {
        entries++;
        expect(e.day >= wf.from && e.day <= city.today).toBe(true);
        expect(shanghaiDay(e.firstIn)).toBe(e.day);
        if (e.day === city.today) expect(e.firstIn).toBeLessThanOrEqual(NOW.getTime());
        else if (a.workerId) {
          expect(minutesOf(e.firstIn)).toBeGreaterThanOrEqual(7 * 60);
          expect(minutesOf(e.firstIn)).toBeLessThan(8 * 60 + 1);
          if (e.lastOut !== null) expect(minutesOf(e.lastOut)).toBeGreaterThanOrEqual(17 * 60);
          if (e.lastOut !== null) expect(minutesOf(e.lastOut)).toBeLessThan(18 * 60 + 31);
        }
      }
    }
    expect(entries).toBe(wf.attendanceDays);
    const seen = new Set(wf.attendance.map((a) => a.workerId).filter((id): id is string => id !== null && workerIds.has(id)));
    for (const w of wf.workers) expect(w.status).toBe(seen.has(w.id) ? "on_site" : "entered");
    // Some workers only just admitted (进场, not yet through the gate).
    expect(wf.workers.some((w) => w.status === "entered")).toBe(true);
  }, 60_000);

  it("leaves people on site today, even before the morning shift", () => {
    const openToday = (c: typeof city) =>
      c.workforce.attendance.filter((a) => a.entries.some((x) => {
        const e = decodeEntry(c.workforce.from, x);
        return e.day === c.today && e.lastOut === null;
      })).length;
    expect(openToday(city)).toBeGreaterThan(live.length);
    const early = generateDemoCity({ scale: 0.1, now: new Date("2026-03-17T20:00:00Z") }); // 04:00 in Shanghai
    expect(openToday(early)).toBeGreaterThan(0);
  }, 60_000);

  it("keeps most key-post holders present on most working days, a few below 80%", () => {
    const rates: number[] = [];
    const month = "2026-02";
    for (const p of live) {
      const construction = new Set<string>();
      const byPerson = new Map<string, number>();
      for (const a of wf.attendance.filter((x) => x.projectId === p.row.id)) {
        const days = a.entries.map((x) => decodeEntry(wf.from, x).day).filter((d) => d.startsWith(month));
        if (a.workerId) days.forEach((d) => construction.add(d));
        else byPerson.set(a.personId, days.length);
      }
      for (const post of city.posts.filter((x) => x.projectId === p.row.id && !x.endedOn && x.startedOn < `${month}-01`)) {
        rates.push((byPerson.get(post.personId) ?? 0) / construction.size);
      }
    }
    const below = rates.filter((r) => r < 0.8).length;
    expect(below).toBeGreaterThan(0);
    expect(below).toBeLessThan(rates.length / 3);
    expect(rates.every((r) => r <= 1)).toBe(true);
  });

  it("pays most workers for the two months, with arrears past the pay day on a few projects and a few accounts missing", () => {
    const owed = latestOwedMonth(city.today);
    // After the 15th only last month is due; in the first half of a month the two before it.
    expect(owed).toBe("2026-02");
    expect(new Set(wf.payrolls.map((p) => p.month))).toEqual(new Set(["2026-02"]));
    const early = generateDemoCity({ scale: 0.05, now: new Date("2026-03-10T02:30:00Z") }).workforce;
    expect(new Set(early.payrolls.map((p) => p.month))).toEqual(new Set(["2026-01", "2026-02"]));
    expect(early.from).toBe("2026-01-01");
    for (const p of wf.payrolls) {
      expect(p.net).toBeLessThanOrEqual(p.gross);
      expect(p.days).toBeGreaterThan(0);
      expect(p.status === "paid").toBe(p.paidOn !== null);
      if (p.paidOn) expect(p.paidOn <= city.today && p.paidOn > `${p.month}-31`).toBe(true);
      expect(p.month < city.today.slice(0, 7)).toBe(true);
    }
    const owing = new Set(wf.payrolls.filter((p) => p.month === owed && p.status === "unpaid").map((p) => p.projectId));
    expect(owing.size).toBeGreaterThan(0);
    expect(owing.size).toBeLessThan(live.length / 2);
    expect([...owing].every((id) => wf.arrearsProjects.includes(id))).toBe(true);
    const paidWorkers = new Set(wf.payrolls.filter((p) => p.month === owed).map((p) => p.workerId));
    const attended = wf.attendance.filter((a) => a.workerId && a.entries.some((x) => decodeEntry(wf.from, x).day.startsWith(owed)));
    expect(paidWorkers.size / attended.length).toBeGreaterThan(0.9);
    expect(wf.accounts.length).toBeGreaterThan(live.length / 2);
    expect(wf.accounts.length).toBeLessThan(live.length);
  });

  it("is deterministic for a seed and moment", () => {
    const again = generateDemoCity({ scale: 0.1, now: NOW }).workforce;
    expect(again.workers).toEqual(wf.workers);
    expect(again.attendance).toEqual(wf.attendance);
    expect(again.payrolls).toEqual(wf.payrolls);
  }, 60_000);
});

describe("withGates", () => {
  const cred = (code: string, projectId: string): DeviceCredential => ({ code, secret: "s", type: "env_monitor", projectId, projectCode: projectId, reportIntervalS: 60 });
  it("puts each gate after its site's devices, so sites stay contiguous", () => {
    const merged = withGates([cred("a1", "A"), cred("a2", "A"), cred("b1", "B")], [{ ...cred("bg", "B"), type: "gate" }, { ...cred("ag", "A"), type: "gate" }, { ...cred("cg", "C"), type: "gate" }]);
    expect(merged.map((c) => c.code)).toEqual(["a1", "a2", "ag", "b1", "bg", "cg"]);
  });
});
