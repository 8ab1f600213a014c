import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { POST_LABELS } from "@contracts/registry/enums";
import type { PersonPostDto } from "@contracts/registry/person";
import { formatDate } from "../../../../components/format";
import { ProjectStatusTag } from "../../../../components/project-status-tag";
import { useLabels } from "../../../../i18n/labels";

/** 任职: the posts a person holds or held, each linking to its project. */
export function PersonPosts({ posts }: { posts: PersonPostDto[] }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <Table<PersonPostDto>
      rowKey="postId"
      size="small"
      pagination={false}
      dataSource={posts}
      rowClassName={(r) => (r.endedOn ? "sc-row-ended" : "")}
      columns={[
        { title: t("project.code"), dataIndex: "projectCode", width: 150, render: (v: string, r) => <Link to={`/projects/${r.projectId}`}>{v}</Link> },
        { title: t("project.name"), dataIndex: "projectName", render: (v: string, r) => <Link to={`/projects/${r.projectId}`}>{v}</Link> },
        { title: t("project.status"), dataIndex: "projectStatus", width: 100, render: (v: string) => <ProjectStatusTag status={v} /> },
        { title: t("post.post"), dataIndex: "post", width: 140, render: (v: string) => label(POST_LABELS, v) },
        { title: t("post.startedOn"), dataIndex: "startedOn", width: 110, render: formatDate },
        { title: t("post.endedOn"), dataIndex: "endedOn", width: 110, render: formatDate },
        { title: t("post.state"), key: "state", width: 90, render: (_: unknown, r) => (r.endedOn ? <Tag>{t("post.ended")}</Tag> : <Tag color="green">{t("post.current")}</Tag>) },
      ]}
    />
  );
}
