import { Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { INSPECTION_KIND_LABELS } from "@contracts/cases/enums";
import type { InspectionDto } from "@contracts/cases/inspections";
import { useLabels } from "../../../../i18n/labels";

/** The inspection columns after the project: kind, checklist, inspectors, score and the cases found (the project's own tab shares them). */
export function useInspectionColumns(): ColumnsType<InspectionDto> {
  const { t } = useTranslation();
  const { label } = useLabels();
  return [
    { title: t("inspection.kind"), dataIndex: "kind", key: "kind", width: 100, render: (v: InspectionDto["kind"]) => label(INSPECTION_KIND_LABELS, v) },
    { title: t("inspection.domain"), dataIndex: "domain", key: "domain", width: 90, render: (v: string) => t(`domains.${v}`) },
    { title: t("inspection.template"), dataIndex: "templateName", key: "templateName", width: 220, ellipsis: true, render: (v: string | null, r) => (v ? `${v} v${r.templateVersion}` : "—") },
    { title: t("inspection.inspectors"), dataIndex: "inspectorNames", key: "inspectorNames", width: 160, ellipsis: true, render: (v: string[]) => v.join("、") },
    { title: t("inspection.score"), dataIndex: "score", width: 80, sorter: true, render: (v: number | null) => (v == null ? "—" : <Typography.Text type={v < 60 ? "danger" : undefined}>{v}</Typography.Text>) },
    { title: t("inspection.checked"), dataIndex: "checkedCount", key: "checkedCount", width: 80 },
    { title: t("inspection.failed"), dataIndex: "failedCount", key: "failedCount", width: 80, render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
    {
      title: t("inspection.cases"),
      key: "cases",
      width: 120,
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
  ];
}

/** A row opens the inspection. */
export function useOpenInspection() {
  const navigate = useNavigate();
  return { rowClassName: () => "sc-clickable-row", onRow: (r: InspectionDto) => ({ onClick: () => void navigate(`/inspections/${r.id}`) }) };
}
