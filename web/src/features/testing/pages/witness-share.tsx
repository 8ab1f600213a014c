import { useSearchParams } from "react-router";
import { Card, Empty } from "antd";
import { useTranslation } from "react-i18next";
import { keys } from "../../../api/query-keys";
import { PageHeader } from "../../../components/page-header";
import { RemoteSelect } from "../../../components/remote-select";
import { RequirePermission } from "../../../components/require-permission";
import { searchProjects } from "../../registry/projects/api";
import { WitnessShareCard } from "../components/witness-share-card";

/** 见证取样比例 of a chosen project (kept in the URL so the link can be shared). */
export default function WitnessSharePage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const projectId = sp.get("projectId") ?? undefined;
  return (
    <RequirePermission permission="testing.read">
      <PageHeader title={t("testing.menu.witnessShare")} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <RemoteSelect scope={keys.projects.all} fetchOptions={searchProjects} value={projectId} placeholder={t("testing.share.pickProject")} style={{ maxWidth: 480 }} onChange={(v) => setSp(v ? { projectId: String(v) } : {})} />
      </Card>
      {projectId ? <WitnessShareCard projectId={projectId} /> : <Empty description={t("testing.share.pickProject")} />}
    </RequirePermission>
  );
}
