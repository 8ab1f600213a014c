import type pg from "pg";

/**
 * Fills cases_cases with `count` cases over the seeded projects in one INSERT … SELECT generate_series
 * (seconds, not minutes): ~70% closed, the rest spread over pending / rectifying / review, 1 in 10 major,
 * created over the last two years, overdue where the deadline has passed without a reply, and a stop-work
 * order on some open major ones. Case numbers stay clear of the current year's live sequence.
 */
export async function seedCases(pool: pg.Pool, count: number): Promise<{ cases: number; ms: number }> {
  const t0 = Date.now();
  await pool.query(
    `with p as (select array_agg(id order by code) as ids from registry_projects),
     g as (
       select i,
              case when i % 20 < 14 then 'closed' when i % 20 < 16 then 'pending' when i % 20 < 18 then 'rectifying' else 'review' end as state,
              now() - make_interval(days => i % 730, mins => i % 1440) as created
         from generate_series(0, $1::int - 1) as i
     )
     insert into cases_cases (no, project_id, source, category, grade, title, state, deadline, overdue_at, stop_work, issuer_name, closed_at, created_at, updated_at)
     select 'ZG-' || (2000 + g.i % 2) || '-' || lpad((g.i / 2 + 1)::text, 6, '0'),
            p.ids[1 + (g.i * 7919) % array_length(p.ids, 1)],
            (array['inspection', 'random', 'iot', 'patrol', 'testing'])[1 + g.i % 5],
            (array['quality', 'safety', 'civilized', 'environment', 'equipment'])[1 + (g.i / 3) % 5],
            case when g.i % 10 = 0 then 'major' else 'general' end,
            '基准隐患 ' || g.i,
            g.state,
            g.created + interval '7 days',
            case when g.state in ('pending', 'rectifying') and g.created + interval '7 days' < now() then g.created + interval '7 days' end,
            case when g.i % 50 = 0 and g.state <> 'closed' then 'ordered' else 'none' end,
            '基准检查员',
            case when g.state = 'closed' then g.created + interval '5 days' end,
            g.created,
            g.created
       from g, p`,
    [count],
  );
  await pool.query(
    `update cases_cases c set enterprise_id = pp.enterprise_id
       from registry_project_participants pp
      where pp.project_id = c.project_id and pp.role = 'general_contractor'`,
  );
  // A live table is vacuumed by autovacuum; without it every count would fetch heap pages for visibility.
  await pool.query("vacuum analyze cases_cases");
  const { rows } = await pool.query<{ n: number }>("select count(*)::int as n from cases_cases");
  return { cases: rows[0].n, ms: Date.now() - t0 };
}

/** Case statements of a captured request (board or list), without the session look-up. */
export const isCasesQuery = (q: { text: string }) => /cases_/.test(q.text) && !/auth_(sessions|users|api_tokens)/.test(q.text);
