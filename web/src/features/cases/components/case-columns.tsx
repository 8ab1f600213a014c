import type { ColumnsType } from "antd/es/table/interface";
import { Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CASE_CATEGORY_LABELS, CASE_SOURCE_LABELS } from "@contracts/cases/enums";
import type { CaseDto } from "@contracts/cases/cases";
import { formatDateTime, orDash } from "../../../components/format";
import { useLabels } from "../../../i18n/labels";
import { CaseStateTag, DeadlineCell, GradeTag, StopWorkTag } from "./case-tags";
import { projectColumn } from "../../../components/project-column";

/** The case table's columns; `withProject` adds the project for the city-wide board. Sorting goes through the URL. */
export function useCaseColumns({ withProject = true } = {}): ColumnsType<CaseDto> {
  const { t } = useTranslation();
  const { label } = useLabels();
  return [
    {
      title: t("cases.no"),
      dataIndex: "no",
      width: 150,
      fixed: "left",
      key: "no", sorter: true,
      render: (no: string, c) => (
        <Link to={`/cases/${c.id}`} className="sc-mono" onClick={(e) => e.stopPropagation()}>
          {no}
        </Link>
      ),
    },
    {
      title: t("cases.title"),
      dataIndex: "title",
      key: "title",
      width: 260,
      ellipsis: true,
      render: (title: string, c) => (
        <span title={title}>
          {title}
          {c.location && <Typography.Text type="secondary"> · {c.location}</Typography.Text>}
        </span>
      ),
    },
    ...(withProject
      ? [
          projectColumn<CaseDto>(t("cases.project"), "cases", 200),
        ]
      : []),
    { title: t("cases.enterprise"), dataIndex: "enterpriseName", key: "enterpriseName", width: 180, ellipsis: true, render: orDash },
    { title: t("cases.grade"), dataIndex: "grade", width: 84, key: "grade", sorter: true, render: (g: CaseDto["grade"]) => <GradeTag grade={g} /> },
    { title: t("cases.category"), dataIndex: "category", key: "category", width: 90, render: (v: CaseDto["category"]) => label(CASE_CATEGORY_LABELS, v) },
    { title: t("cases.source"), dataIndex: "source", key: "source", width: 100, render: (v: CaseDto["source"]) => label(CASE_SOURCE_LABELS, v) },
    {
      title: t("cases.state"),
      dataIndex: "state",
      width: 150,
      key: "state", sorter: true,
      render: (s: CaseDto["state"], c) => (
        <Flex wrap gap={4}>
          <CaseStateTag state={s} />
          <StopWorkTag stopWork={c.stopWork} />
        </Flex>
      ),
    },
    { title: t("cases.deadline"), dataIndex: "deadline", width: 170, key: "deadline", sorter: true, render: (_: string, c) => <DeadlineCell c={c} /> },
    { title: t("cases.createdAt"), dataIndex: "createdAt", width: 140, key: "createdAt", sorter: true, render: formatDateTime },
    { title: t("cases.issuer"), dataIndex: "issuerName", key: "issuerName", width: 110, ellipsis: true },
  ];
}
