import { useState } from "react";
import { Button, Card, Tabs } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useCan } from "../../../../app/auth";
import { EnterpriseStatusTag } from "../../../../components/enterprise-status-tag";
import { PageHeader } from "../../../../components/page-header";
import { QueryState } from "../../../../components/query-state";
import { useEnterprise } from "../api";
import { EnterpriseForm } from "../components/enterprise-form";
import { EnterpriseInfo } from "../components/enterprise-info";
import { EnterprisePersons } from "../components/enterprise-persons";
import { EnterpriseProjects } from "../components/enterprise-projects";
import { QualificationsTable } from "../components/qualifications-table";

/** 企业详情: overview, 资质 with expiry, the projects it takes part in, and its people. */
export default function EnterpriseDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const { data: e, isLoading, error, refetch } = useEnterprise(id);
  const [editing, setEditing] = useState(false);

  if (!e) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageHeader
        parent={{ to: "/enterprises", label: t("menu.enterprises") }}
        title={e.name}
        extra={<EnterpriseStatusTag status={e.status} />}
        actions={
          can("registry.enterprise.update") && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t("common.edit")}
            </Button>
          )
        }
      />
      <Card size="small">
        <Tabs
          items={[
            { key: "info", label: t("enterprise.tabInfo"), children: <EnterpriseInfo enterprise={e} /> },
            { key: "qualifications", label: `${t("enterprise.tabQualifications")} (${e.qualifications.length})`, children: <QualificationsTable items={e.qualifications} /> },
            { key: "projects", label: `${t("enterprise.tabProjects")} (${e.projectCount})`, children: <EnterpriseProjects enterpriseId={e.id} /> },
            { key: "persons", label: `${t("enterprise.tabPersons")} (${e.personCount})`, children: <EnterprisePersons enterpriseId={e.id} /> },
          ]}
        />
      </Card>
      <EnterpriseForm open={editing} onClose={() => setEditing(false)} enterprise={e} />
    </>
  );
}
