import { useState } from "react";
import { Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { INSPECTION_KIND_LABELS } from "@contracts/cases/enums";
import type { InspectionDto } from "@contracts/cases/inspections";
import { ListError } from "../../../components/list-error";
import { useLabels } from "../../../i18n/labels";
import { useInspections } from "../inspections/api";

/** 检查记录 of one project, newest first. */
export function ProjectInspections({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const navigate = useNavigate();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, isFetching, error } = useInspections({ projectId, sort: "-inspectedOn", ...paging });
  return (
    <>
      <ListError error={error} />
      <Table<InspectionDto>
        rowKey="id"
        size="small"
        loading={isFetching && !data}
        dataSource={data?.items}
        rowClassName={() => "sc-clickable-row"}
        onRow={(r) => ({ onClick: () => void navigate(`/inspections/${r.id}`) })}
        columns={[
          { title: t("inspection.inspectedOn"), dataIndex: "inspectedOn", width: 110 },
          { title: t("inspection.kind"), dataIndex: "kind", width: 100, render: (v: InspectionDto["kind"]) => label(INSPECTION_KIND_LABELS, v) },
          { title: t("inspection.template"), dataIndex: "templateName", ellipsis: true, render: (v: string | null, r) => (v ? `${v} v${r.templateVersion}` : "—") },
          { title: t("inspection.inspectors"), dataIndex: "inspectorNames", width: 180, render: (v: string[]) => v.join("、") },
          { title: t("inspection.score"), dataIndex: "score", width: 70, render: (v: number | null) => v ?? "—" },
          { title: t("inspection.failed"), dataIndex: "failedCount", width: 80, render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
          {
            title: t("inspection.cases"),
            key: "cases",
            width: 110,
            render: (_: unknown, r) => (
              <>
                {r.caseCount}
                {r.majorCaseCount > 0 && (
                  <Tag color="red" style={{ marginInlineStart: 6 }}>
                    {t("inspection.major")} {r.majorCaseCount}
                  </Tag>
                )}
              </>
            ),
          },
        ]}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, size: "small", showTotal: (n) => t("common.total", { count: n }) }}
        onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        locale={{ emptyText: t("inspection.empty") }}
      />
    </>
  );
}
