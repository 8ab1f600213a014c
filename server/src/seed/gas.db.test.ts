import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANOMALY_KINDS } from "@contracts/gas/anomaly";
import { createTestApp, type TestApp } from "../../../test/app";
import { seedDemoCity } from "./demo-city.js";
import { seedGas, type GasCounts } from "./gas.js";

let t: TestApp;
let counts: GasCounts;
const now = new Date("2026-06-15T04:00:00Z");

beforeAll(async () => {
  t = await createTestApp();
  // The demo city seeds its gas in the same transaction as the rest (demo-city.ts); these are its counts.
  const city = await seedDemoCity(t.db, { scale: 0.02, now });
  if (!city.gas) throw new Error("the demo city seeded no gas");
  counts = city.gas;
}, 120_000);
afterAll(() => t?.close());

const query = async <T>(q: SQL) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;
const one = async <T>(q: SQL) => (await query<T>(q))[0];

describe("the demo city's gas", () => {
  it("stores what it reports, and a second run writes nothing", async () => {
    const row = await one<Record<string, number>>(sql`select
      (select count(*)::int from gas_stations) as stations,
      (select count(*)::int from gas_staff) as staff,
      (select count(*)::int from gas_customers) as customers,
      (select count(*)::int from gas_safety_checks) as "safetyChecks",
      (select count(*)::int from gas_cylinders) as cylinders,
      (select count(*)::int from gas_fills) as fills,
      (select count(*)::int from gas_deliveries) as deliveries,
      (select count(*)::int from gas_cylinder_events) as "cylinderEvents",
      (select count(*)::int from gas_anomalies) as anomalies,
      (select count(*)::int from gas_pipelines) as pipelines,
      (select count(*)::int from gas_patrols) as patrols,
      (select count(*)::int from gas_patrol_hazards) as hazards,
      (select count(*)::int from iot_devices where type = 'gas_detector' and project_id is null) as vehicles,
      (select count(*)::int from gas_detector_readings) as "detectorReadings",
      (select count(*)::int from gas_leak_points) as "leakPoints",
      (select count(*)::int from cases_cases where source = 'gas' and project_id is null) as cases`);
    const { companies: _c, windowDays: _w, links: _l, ...reported } = counts;
    expect(row).toEqual(reported);
    expect(counts.customers).toBeGreaterThanOrEqual(60);
    expect(counts.cylinders).toBeGreaterThan(3 * counts.customers);
    expect(counts.fills).toBeGreaterThan(counts.customers);
    expect((await t.db.transaction((tx) => seedGas(tx, { seed: 330_784, now, scale: 0.02 }))).cylinders).toBe(0);
  });

  it("keeps every cylinder's status, customer and last fill those of its newest records, its events a chain", async () => {
    const r = await one<Record<string, number>>(sql`select
      (select count(*)::int from gas_cylinders c where c.status <> coalesce((select e.to_status from gas_cylinder_events e where e.cylinder_id = c.id order by e.at desc, e.id desc limit 1), 'filed')) as status,
      (select count(*)::int from (select from_status, lag(to_status) over (partition by cylinder_id order by at, id) as prev from gas_cylinder_events) x where prev is not null and prev <> from_status) as chain,
      (select count(*)::int from gas_cylinders c where c.last_fill_at is distinct from (select max(filled_at) from gas_fills f where f.cylinder_id = c.id)) as "lastFill",
      (select count(*)::int from gas_cylinders where customer_id is not null and status <> 'in_use') as customer,
      (select count(*)::int from gas_cylinders c where c.status = 'in_use' and c.customer_id is distinct from
        (select d.customer_id from gas_deliveries d where d.cylinder_id = c.id and d.step = 'delivered' order by d.at desc limit 1)) as "heldBy",
      (select count(*)::int from gas_cylinders where (status = 'scrapped') <> (voided_at is not null)) as voided,
      (select count(*)::int from gas_cylinder_events where at > ${now}) as future`);
    expect(r).toEqual({ status: 0, chain: 0, lastFill: 0, customer: 0, heldBy: 0, voided: 0, future: 0 });
  });

  it("dates cylinders by the life rule, a few overdue, and fills only what the pre-fill check allows", async () => {
    const r = await one<Record<string, number>>(sql`select
      (select count(*)::int from gas_cylinders where scrap_on <> (manufactured_on + interval '12 years')::date) as scrap,
      (select count(*)::int from gas_cylinders where next_inspection_on not in ((manufactured_on + interval '4 years')::date, (manufactured_on + interval '8 years')::date, (manufactured_on + interval '12 years')::date)) as "nextInspection",
      (select count(*)::int from gas_cylinders where type = 'liquid_phase' and spec <> 'YSP50') as liquid,
      (select count(*)::int from gas_cylinders where nominal_fill_kg <> case spec when 'YSP5' then 5 when 'YSP15' then 14.5 when 'YSP50' then 49.5 end) as nominal,
      (select count(*)::int from gas_fills f join gas_cylinders c on c.id = f.cylinder_id
        where (f.filled_at at time zone 'Asia/Shanghai')::date >= least(c.next_inspection_on, c.scrap_on)
           or c.type = 'dual_phase' or f.net_weight_kg > f.allowed_fill_kg or f.allowed_fill_kg <> c.nominal_fill_kg) as "badFills"`);
    expect(r).toEqual({ scrap: 0, nextInspection: 0, liquid: 0, nominal: 0, badFills: 0 });
    const { overdue } = await one<{ overdue: number }>(
      sql`select avg(case when next_inspection_on <= '2026-06-15' then 1.0 else 0 end)::float as overdue from gas_cylinders where voided_at is null`,
    );
    expect(overdue).toBeGreaterThan(0.005);
    expect(overdue).toBeLessThan(0.08);
    const [dup] = await query<{ n: number }>(sql`select count(*)::int as n from (select code from gas_cylinders group by code having count(*) > 1) d`);
    expect(dup.n).toBe(0);
  });

  it("binds staff to registry persons of their company, certificates on file, and checks to customers' due dates", async () => {
    const r = await one<Record<string, number>>(sql`select
      (select count(*)::int from gas_staff s join registry_persons p on p.id = s.person_id where p.employer_id <> s.enterprise_id) as employer,
      (select count(*)::int from gas_staff s where not exists (select 1 from registry_certificates c where c.person_id = s.person_id and c.cert_no = s.certificate_no and c.expires_on = s.certificate_valid_to)) as cert,
      (select count(*)::int from gas_customers c where c.next_check_due is distinct from (select s.next_due_on from gas_safety_checks s where s.customer_id = c.id order by s.checked_on desc limit 1)) as due,
      (select count(*)::int from gas_customers c where c.next_check_due < '2026-06-15' and not exists
        (select 1 from gas_anomalies a where a.kind = 'check_overdue' and a.customer_id = c.id)) as "overdueUnflagged"`);
    expect(r).toEqual({ employer: 0, cert: 0, due: 0, overdueUnflagged: 0 });
  });

  it("raises each anomaly kind of the demo company once, with the record behind it", async () => {
    const kinds = await query<{ kind: string; n: number }>(sql`select kind, count(*)::int as n from gas_anomalies group by kind order by kind`);
    expect(kinds.map((k) => k.kind)).toEqual([...ANOMALY_KINDS].sort());
    const r = await one<Record<string, number>>(sql`select
      (select count(*)::int from gas_anomalies a where a.kind = 'foreign_fill' and not exists (select 1 from gas_fills f join gas_cylinders c on c.id = f.cylinder_id
        where f.id::text = a.detail->>'fillId' and f.station_id <> c.station_id)) as "foreignWithoutFill",
      (select count(*)::int from gas_anomalies a where a.kind = 'unregistered_customer' and not exists (select 1 from gas_deliveries d
        where d.cylinder_id = a.cylinder_id and d.step = 'delivered' and d.customer_id is null)) as "unregisteredWithoutDelivery",
      (select count(*)::int from gas_anomalies a where a.kind = 'uncertified_staff' and not exists (select 1 from gas_deliveries d join gas_staff s on s.id = d.staff_id
        where d.staff_id = a.staff_id and s.certificate_valid_to < (d.at at time zone 'Asia/Shanghai')::date)) as "uncertifiedWithoutScan",
      (select count(*)::int from (select dedup_key from gas_anomalies group by dedup_key having count(*) > 1) d) as duplicates`);
    expect(r).toEqual({ foreignWithoutFill: 0, unregisteredWithoutDelivery: 0, uncertifiedWithoutScan: 0, duplicates: 0 });
  });

  it("draws the network, a vehicle per piped company with its drives, and mains within 50 m of live sites", async () => {
    const r = await one<Record<string, number>>(sql`select
      (select count(distinct pressure_class)::int from gas_pipelines) as classes,
      (select count(*)::int from gas_pipelines where jsonb_array_length(coordinates) < 2 or min_lat > max_lat or min_lng > max_lng) as "badLines",
      (select count(*)::int from gas_leak_points where ppm < background_ppm + 10) as "weakSuspects",
      (select count(*)::int from gas_leak_points where state = 'confirmed' and recheck_ppm >= 500) as confirmed,
      (select count(*)::int from gas_detector_readings r left join iot_devices d on d.id = r.device_id where d.enterprise_id is null) as "orphanReadings"`);
    expect(r).toEqual({ classes: 4, badLines: 0, weakSuspects: 0, confirmed: 1, orphanReadings: 0 });
    // Hazards and the confirmed leak have their case in the one loop, owned by the line's company.
    const missing = await one<{ n: number }>(sql`select count(*)::int as n from (
      select case_id, enterprise_id from gas_patrol_hazards union all select case_id, enterprise_id from gas_leak_points where state = 'confirmed') x
      left join cases_cases c on c.id = x.case_id where c.id is null or c.enterprise_id <> x.enterprise_id or c.state <> 'pending'`);
    expect(missing.n).toBe(0);
    expect(counts.links.length).toBeGreaterThan(0);
    for (const link of counts.links) {
      const [site] = await query<{ status: string; lat: number; lng: number }>(sql`select status, lat, lng from registry_projects where id = ${link.projectId}`);
      expect(site.status).toBe("in_progress");
      expect(link.distanceM).toBeLessThan(50);
      const [main] = await query<{ pressure_class: string; min_lat: number; max_lat: number }>(sql`select pressure_class, min_lat, max_lat from gas_pipelines where id = ${link.pipelineId}`);
      expect(main.pressure_class).toBe("medium");
      expect(site.lat).toBeGreaterThan(main.min_lat - 0.001);
      expect(site.lat).toBeLessThan(main.max_lat + 0.001);
    }
  });
});
