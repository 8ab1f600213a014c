import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EnterpriseProjectDto } from "@contracts/registry/enterprise";
import { PARTICIPANT_ROLE_LABELS } from "@contracts/registry/enums";
import { ProjectStatusTag } from "../../../../components/project-status-tag";
import { useLabels } from "../../../../i18n/labels";
import { useEnterpriseProjects } from "../api";

/** 参建项目: the projects an enterprise takes part in, each linking to its page. */
export function EnterpriseProjects({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { data, isLoading } = useEnterpriseProjects(enterpriseId);
  return (
    <Table<EnterpriseProjectDto>
      rowKey={(r) => `${r.projectId}-${r.role}`}
      size="small"
      loading={isLoading}
      dataSource={data}
      pagination={(data?.length ?? 0) > 20 ? { pageSize: 20, size: "small" } : false}
      columns={[
        { title: t("project.code"), dataIndex: "code", width: 160, render: (v: string, r) => <Link to={`/projects/${r.projectId}`}>{v}</Link> },
        { title: t("project.name"), dataIndex: "name", render: (v: string, r) => <Link to={`/projects/${r.projectId}`}>{v}</Link> },
        { title: t("enterprise.projectRole"), dataIndex: "role", width: 150, render: (v: string) => label(PARTICIPANT_ROLE_LABELS, v) },
        { title: t("project.status"), dataIndex: "status", width: 110, render: (v: string) => <ProjectStatusTag status={v} /> },
      ]}
    />
  );
}
