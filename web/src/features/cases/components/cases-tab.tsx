import { Tabs } from "antd";
import { FormOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCan } from "../../../auth/use-can";
import { useListParams } from "../../../components/use-list-params";
import { CaseList } from "./case-list";
import { ProjectInspections } from "./project-inspections";

const CASE_FILTERS = ["q", "state", "grade", "category", "source", "overdue", "stopWork", "sort", "page", "pageSize"] as const;

/** 监督检查/整改 tab of a project: its case board (filters in the URL beside `?tab=cases`) and its inspections. */
export function CasesTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const lp = useListParams();
  // 重置 clears the case filters only: the open tab is in the same URL.
  const scoped = { ...lp, reset: () => lp.set(Object.fromEntries(CASE_FILTERS.map((k) => [k, null]))) };
  return (
    <Tabs
      size="small"
      type="card"
      items={[
        {
          key: "cases",
          label: t("menu.cases"),
          children: (
            <CaseList
              lp={scoped}
              projectId={projectId}
              create={can("cases.inspect") && { label: t("inspection.new"), icon: <FormOutlined />, onClick: () => void navigate(`/inspections/new?projectId=${projectId}`) }}
            />
          ),
        },
        { key: "inspections", label: t("inspection.list"), destroyOnHidden: true, children: <ProjectInspections projectId={projectId} /> },
      ]}
    />
  );
}
