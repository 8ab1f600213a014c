import { Empty, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { HomeCaseItem } from "@contracts/dashboard/home";
import { CaseStateTag, DeadlineCell, GradeTag } from "../../cases/components/case-tags";

/** A contractor's open cases, earliest deadline first; each opens the case to sign for or reply to it. */
export function MyCases({ items }: { items: readonly HomeCaseItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("home.noCases")} />;
  return (
    <Table<HomeCaseItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...items]}
      scroll={{ x: 640 }}
      columns={[
        { title: t("home.caseTitle"), dataIndex: "title", ellipsis: true, render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
        { title: t("home.caseProject"), dataIndex: "projectName", ellipsis: true, render: (v: string | null) => v ?? "—" },
        { title: t("home.caseState"), dataIndex: "state", width: 96, render: (_: unknown, r) => <CaseStateTag state={r.state} /> },
        { title: t("home.caseGrade"), dataIndex: "grade", width: 80, render: (_: unknown, r) => <GradeTag grade={r.grade} /> },
        { title: t("home.caseDeadline"), dataIndex: "deadline", width: 150, render: (_: unknown, r) => <DeadlineCell c={r} /> },
        {
          title: t("home.caseTodo"),
          dataIndex: "actions",
          width: 120,
          render: (a: string[], r) =>
            a.length ? (
              <Link to={`/cases/${r.id}`}>
                <Tag color="processing">{t("home.caseAct")}</Tag>
              </Link>
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}
