import { useState } from "react";
import { Button, Card, Flex, Space, Tabs, Tooltip, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { useCan } from "../../../../auth/use-can";
import { PageHeader } from "../../../../components/page-header";
import { NearGasMainBadge } from "../../../gas/pipelines/components/near-main-badge";
import { ProjectStatusTag } from "../../../../components/project-status-tag";
import { QueryState } from "../../../../components/query-state";
import { SmartSiteTab } from "../../../iot/site/smart-site-tab";
import { WorkforceTab } from "../../../workforce/project/workforce-tab";
import { TestingTab } from "../../../testing/project/testing-tab";
import { CasesTab } from "../../../cases/project/cases-tab";
import { AcceptanceTab } from "../../../quality/project/acceptance-tab";
import { SafetyTab } from "../../../safety/project/safety-tab";
import { useProject } from "../api";
import { ParticipantsTab } from "../components/participants-tab";
import { PostsTab } from "../components/posts-tab";
import { ProjectForm } from "../components/project-form";
import { ProjectInfo } from "../components/project-info";
import { TransitionButtons } from "../components/transition-buttons";

/** Supervision tabs that will hang off a project once their modules ship. */
const COMING_TABS: readonly string[] = [];

/** 项目详情: overview with lifecycle actions, participants, key posts, 智慧工地 (with iot.read), 人员 (with workforce.read), and the coming module tabs. */
export default function ProjectDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const { data: project, isLoading, error, refetch } = useProject(id);
  const [editing, setEditing] = useState(false);
  // The open tab is in the URL (?tab=iot) so the city map and alarm links land on it.
  const [sp, setSp] = useSearchParams();

  if (!project) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  const canUpdate = can("registry.project.update");

  return (
    <>
      <PageHeader
        parent={{ to: "/projects", label: t("menu.projects") }}
        title={
          <Flex align="baseline" gap={8}>
            <span>{project.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
              {project.code}
            </Typography.Text>
          </Flex>
        }
        extra={
          <Space size={4}>
            <ProjectStatusTag status={project.status} />
            <NearGasMainBadge projectId={project.id} />
          </Space>
        }
        actions={
          <>
            {can("registry.project.create") && <TransitionButtons project={project} />}
            {canUpdate && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("common.edit")}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Tabs
          activeKey={sp.get("tab") ?? "info"}
          onChange={(tab) => setSp(tab === "info" ? {} : { tab }, { replace: true })}
          items={[
            { key: "info", label: t("project.tabInfo"), children: <ProjectInfo project={project} /> },
            { key: "participants", label: `${t("project.tabParticipants")} (${project.participants.length})`, children: <ParticipantsTab project={project} /> },
            { key: "posts", label: `${t("project.tabPosts")} (${project.posts.filter((p) => !p.endedOn).length})`, children: <PostsTab project={project} editable={canUpdate} /> },
            ...(can("iot.read") ? [{ key: "iot", label: t("project.tabIot"), destroyOnHidden: true, children: <SmartSiteTab projectId={project.id} /> }] : []),
            ...(can("workforce.read") ? [{ key: "workforce", label: t("project.tabWorkforce"), destroyOnHidden: true, children: <WorkforceTab project={project} /> }] : []),
            ...(can("testing.read") ? [{ key: "testing", label: t("project.tabTesting"), destroyOnHidden: true, children: <TestingTab projectId={project.id} /> }] : []),
            ...(can("cases.read")
              ? [
                  { key: "cases", label: t("project.tabCases"), destroyOnHidden: true, children: <CasesTab projectId={project.id} /> },
                  { key: "acceptance", label: t("project.tabAcceptance"), destroyOnHidden: true, children: <AcceptanceTab projectId={project.id} /> },
                ]
              : []),
            ...(can("safety.read") ? [{ key: "safety", label: t("project.tabSafety"), destroyOnHidden: true, children: <SafetyTab projectId={project.id} /> }] : []),
            ...COMING_TABS.map((k) => ({
              key: k,
              disabled: true,
              label: (
                <Tooltip title={t("common.comingSoon")}>
                  <span>{t(`project.${k}`)}</span>
                </Tooltip>
              ),
            })),
          ]}
        />
      </Card>
      <ProjectForm open={editing} onClose={() => setEditing(false)} project={project} />
    </>
  );
}
