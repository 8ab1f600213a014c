import { App, Button, Card, Descriptions, Flex, Statistic, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { RANDOM_PLAN_STATE_LABELS, type RandomPlanTargetDto } from "@contracts/cases/inspections";
import { useCan, useMe } from "../../../../auth/use-can";
import { formatDateTime } from "../../../../components/format";
import { PageHeader } from "../../../../components/page-header";
import { QueryState } from "../../../../components/query-state";
import { RequirePermission } from "../../../../components/require-permission";
import { useLabels } from "../../../../i18n/labels";
import { usePublishRandomPlan, useRandomPlan } from "../api";
import { projectColumn } from "../../../../components/project-column";
import { errorText } from "../../../../components/form-utils";

/** One 双随机 plan: how it was drawn (seed, pool, ratio), each target with its inspectors and result, and 公开结果. */
function RandomPlanDetail() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { label } = useLabels();
  const { message, modal } = App.useApp();
  const can = useCan();
  const me = useMe();
  const navigate = useNavigate();
  const { data: p, isLoading, error, refetch } = useRandomPlan(id);
  const publish = usePublishRandomPlan();
  if (!p) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  const published = p.state === "published";
  const inspected = p.targets.filter((x) => x.inspectionId).length;
  const findings = p.targets.reduce((a, x) => ({ general: a.general + x.findings.general, major: a.major + x.findings.major }), { general: 0, major: 0 });
  return (
    <>
      <PageHeader
        parent={{ to: "/random-plans", label: t("random.title") }}
        title={p.name}
        extra={<Tag color={published ? "green" : "blue"}>{label(RANDOM_PLAN_STATE_LABELS, p.state)}</Tag>}
        actions={
          !published &&
          can("cases.inspect") && (
            <Button
              type="primary"
              loading={publish.isPending}
              onClick={() =>
                modal.confirm({
                  title: t("random.publish"),
                  content: t("random.publishConfirm"),
                  onOk: () =>
                    publish.mutateAsync(p.id).then(
                      () => void message.success(t("random.published")),
                      (e: unknown) => void message.error(errorText(e)),
                    ),
                })
              }
            >
              {t("random.publish")}
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={32} align="center">
          <Descriptions
            size="small"
            column={3}
            style={{ flex: "1 1 520px" }}
            items={[
              { key: "domain", label: t("random.domain"), children: t(`domains.${p.domain}`) },
              { key: "ratio", label: t("random.ratio"), children: `${p.ratioPct}%` },
              { key: "pool", label: t("random.pool"), children: p.poolSize },
              { key: "seed", label: t("random.seed"), children: <Typography.Text copyable className="sc-mono">{p.seed}</Typography.Text> },
              { key: "per", label: t("random.perTarget"), children: p.inspectorsPerTarget },
              { key: "prev", label: t("random.previousPlan"), children: p.previousPlanId ? <Link to={`/random-plans/${p.previousPlanId}`}>{t("random.previousPlanLink")}</Link> : "—" },
              { key: "by", label: t("random.createdBy"), children: `${p.createdByName} · ${formatDateTime(p.createdAt)}` },
              ...(p.publishedAt ? [{ key: "pub", label: t("random.publishedAt"), children: formatDateTime(p.publishedAt) }] : []),
            ]}
          />
          <Statistic title={t("random.inspectedCount")} value={p.summary?.inspectedCount ?? inspected} suffix={`/ ${p.targetCount}`} />
          <Statistic title={t("random.findings")} value={`${p.summary?.findings.general ?? findings.general} / ${p.summary?.findings.major ?? findings.major}`} />
          {p.summary && <Statistic title={t("random.averageScore")} value={p.summary.averageScore ?? "—"} precision={p.summary.averageScore == null ? undefined : 1} />}
        </Flex>
      </Card>
      <Card size="small" title={t("random.targets")}>
        <Table<RandomPlanTargetDto>
          rowKey="projectId"
          size="small"
          pagination={false}
          dataSource={p.targets}
          columns={[
            { title: "#", key: "i", width: 50, render: (_: unknown, _r, i) => i + 1 },
            projectColumn<RandomPlanTargetDto>(t("inspection.project"), "cases"),
            { title: t("random.weight"), dataIndex: "weight", width: 80, render: (v: number) => v.toFixed(2) },
            { title: t("random.inspectors"), dataIndex: "inspectorNames", width: 200, render: (v: string[]) => v.join("、") },
            {
              title: t("random.inspected"),
              key: "inspected",
              width: 160,
              render: (_: unknown, r) =>
                r.inspectionId ? (
                  <Link to={`/inspections/${r.inspectionId}`}>
                    {r.inspectedOn} · {t("inspection.score")} {r.score ?? "—"}
                  </Link>
                ) : (
                  <Typography.Text type="secondary">{t("random.notInspected")}</Typography.Text>
                ),
            },
            {
              title: t("random.findings"),
              key: "findings",
              width: 120,
              render: (_: unknown, r) => (
                <>
                  {r.findings.general} / <Typography.Text type={r.findings.major ? "danger" : undefined}>{r.findings.major}</Typography.Text>
                </>
              ),
            },
            {
              title: t("common.actions"),
              key: "actions",
              width: 90,
              render: (_: unknown, r) =>
                !published &&
                !r.inspectionId &&
                can("cases.inspect") &&
                (me.data?.role === "admin" || (me.data && r.inspectorIds.includes(me.data.id))) && (
                  <Button size="small" type="link" onClick={() => void navigate(`/inspections/new?planId=${p.id}&projectId=${r.projectId}`)}>
                    {t("random.inspect")}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}

export default function RandomPlanDetailPage() {
  return (
    <RequirePermission permission="cases.read">
      <RandomPlanDetail />
    </RequirePermission>
  );
}
