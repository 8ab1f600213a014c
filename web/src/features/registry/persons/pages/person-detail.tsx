import { useState } from "react";
import { Button, Card, Tabs } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useCan } from "../../../../auth/use-can";
import { ExpiryTag } from "../../../../components/expiry-tag";
import { PageHeader } from "../../../../components/page-header";
import { QueryState } from "../../../../components/query-state";
import { usePerson } from "../api";
import { CertificatesTable } from "../components/certificates-table";
import { PersonForm } from "../components/person-form";
import { PersonInfo } from "../components/person-info";
import { PersonPosts } from "../components/person-posts";

/** 人员详情: overview (masked ID), 证书 with expiry, and 任职 (posts held, current and past). */
export default function PersonDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const { data: p, isLoading, error, refetch } = usePerson(id);
  const [editing, setEditing] = useState(false);

  if (!p) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageHeader
        parent={{ to: "/persons", label: t("menu.persons") }}
        title={p.name}
        extra={<ExpiryTag state={p.certificateExpiry} />}
        actions={
          can("registry.person.update") && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t("common.edit")}
            </Button>
          )
        }
      />
      <Card size="small">
        <Tabs
          items={[
            { key: "info", label: t("person.tabInfo"), children: <PersonInfo person={p} /> },
            { key: "certificates", label: `${t("person.tabCertificates")} (${p.certificates.length})`, children: <CertificatesTable items={p.certificates} /> },
            { key: "posts", label: `${t("person.tabPosts")} (${p.posts.length})`, children: <PersonPosts posts={p.posts} /> },
          ]}
        />
      </Card>
      <PersonForm open={editing} onClose={() => setEditing(false)} person={p} />
    </>
  );
}
