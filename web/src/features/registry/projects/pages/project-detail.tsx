import { useState } from "react";
import { Button, Card, Flex, Space, Tabs, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import type { ProjectDto } from "@contracts/registry/project";
import { useCan } from "../../../../auth/use-can";
import { DetailBadges, projectDetail, useDetailTabs } from "../../../../components/detail-tabs";
import { PageHeader } from "../../../../components/page-header";
import { ProjectStatusTag } from "../../../../components/project-status-tag";
import { QueryState } from "../../../../components/query-state";
import { useProject } from "../api";
import { ParticipantsTab } from "../components/participants-tab";
import { PostsTab } from "../components/posts-tab";
import { ProjectForm } from "../components/project-form";
import { ProjectInfo } from "../components/project-info";
import { TransitionButtons } from "../components/transition-buttons";

/**
 * 项目详情: overview with lifecycle actions, participants and key posts; the other features' tabs (智慧工地,
 * 人员, 检测, 整改, 验收, 安全) and badges come from their registrations, each for those who may see it.
 */
export default function ProjectDetailPage() {
  const { id = "" } = useParams();
  const { data: project, isLoading, error, refetch } = useProject(id);
  if (!project) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  return <ProjectDetail project={project} />;
}

function ProjectDetail({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  // The open tab is in the URL (?tab=iot) so the city map and alarm links land on it.
  const [sp, setSp] = useSearchParams();
  const canUpdate = can("registry.project.update");
  const tabs = useDetailTabs(projectDetail, { project }, [
    { key: "info", order: 10, label: t("project.tabInfo"), children: <ProjectInfo project={project} /> },
    { key: "participants", order: 20, label: `${t("project.tabParticipants")} (${project.participants.length})`, children: <ParticipantsTab project={project} /> },
    { key: "posts", order: 30, label: `${t("project.tabPosts")} (${project.posts.filter((p) => !p.endedOn).length})`, children: <PostsTab project={project} editable={canUpdate} /> },
  ]);

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
            <DetailBadges registry={projectDetail} props={{ project }} />
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
          items={tabs}
        />
      </Card>
      <ProjectForm open={editing} onClose={() => setEditing(false)} project={project} />
    </>
  );
}
