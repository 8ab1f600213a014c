import { useState } from "react";
import { Button, Card, Tabs } from "antd";
import { EditOutlined, FileSyncOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useCan, useMe } from "../../../../auth/use-can";
import { EnterpriseStatusTag } from "../../../../components/enterprise-status-tag";
import { PageHeader } from "../../../../components/page-header";
import { QueryState } from "../../../../components/query-state";
import { useEnterprise } from "../api";
import { useEnterpriseChangeRequests } from "../change-api";
import { ChangeRequestForm } from "../components/change-request-form";
import { ChangeRequestsTable } from "../components/change-requests-table";
import { EnterpriseForm } from "../components/enterprise-form";
import { EnterpriseInfo } from "../components/enterprise-info";
import { EnterprisePersons } from "../components/enterprise-persons";
import { EnterpriseProjects } from "../components/enterprise-projects";
import { QualificationsTable } from "../components/qualifications-table";

/**
 * 企业详情: overview, 资质 with expiry, the projects it takes part in, and its people. Its own user edits
 * contacts and address and files 申请变更 for identity fields; the bureau edits all and sees the requests.
 */
export default function EnterpriseDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const { data: me } = useMe();
  const { data: e, isLoading, error, refetch } = useEnterprise(id);
  const [editing, setEditing] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const own = !!me?.enterpriseId && me.enterpriseId === id;
  const reviewer = can("registry.enterprise.reviewChange");
  const requests = useEnterpriseChangeRequests(id, own || reviewer);

  if (!e) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageHeader
        parent={{ to: "/enterprises", label: t("menu.enterprises") }}
        title={e.name}
        extra={<EnterpriseStatusTag status={e.status} />}
        actions={
          <>
            {can("registry.enterprise.update") && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("common.edit")}
              </Button>
            )}
            {own && can("registry.enterprise.requestChange") && (
              <Button icon={<FileSyncOutlined />} onClick={() => setRequesting(true)}>
                {t("enterpriseChange.request")}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Tabs
          items={[
            { key: "info", label: t("enterprise.tabInfo"), children: <EnterpriseInfo enterprise={e} /> },
            { key: "qualifications", label: `${t("enterprise.tabQualifications")} (${e.qualifications.length})`, children: <QualificationsTable items={e.qualifications} /> },
            { key: "projects", label: `${t("enterprise.tabProjects")} (${e.projectCount})`, children: <EnterpriseProjects enterpriseId={e.id} /> },
            { key: "persons", label: `${t("enterprise.tabPersons")} (${e.personCount})`, children: <EnterprisePersons enterpriseId={e.id} /> },
            ...(own || reviewer
              ? [{ key: "changes", label: `${t("enterpriseChange.tab")} (${requests.data?.total ?? 0})`, children: <ChangeRequestsTable items={requests.data?.items} loading={requests.isFetching} /> }]
              : []),
          ]}
        />
      </Card>
      <EnterpriseForm open={editing} onClose={() => setEditing(false)} enterprise={e} selfService={!reviewer} />
      {own && <ChangeRequestForm open={requesting} onClose={() => setRequesting(false)} enterprise={e} />}
    </>
  );
}
