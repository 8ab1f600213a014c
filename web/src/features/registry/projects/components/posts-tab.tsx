import { App, Button, Popconfirm, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { POST_LABELS } from "@contracts/registry/enums";
import type { PostDto, ProjectDto } from "@contracts/registry/project";
import { formatDate } from "../../../../components/format";
import { useLabels } from "../../../../i18n/labels";
import { useEndPost } from "../api";
import { AssignPostForm } from "./assign-post-form";
import { errorText } from "../../../../components/form-utils";

/** Current posts first, then ended ones, most recent first. */
const byCurrentThenRecent = (a: PostDto, b: PostDto) => Number(!!a.endedOn) - Number(!!b.endedOn) || b.startedOn.localeCompare(a.startedOn);

/** 关键岗位: who holds which post (ended posts stay listed), assign and end posts. */
export function PostsTab({ project, editable }: { project: ProjectDto; editable: boolean }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { message } = App.useApp();
  const end = useEndPost(project.id);

  const onEnd = async (p: PostDto) => {
    try {
      await end.mutateAsync({ postId: p.id });
      message.success(t("common.saved"));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      {editable && <AssignPostForm projectId={project.id} />}
      <Table<PostDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...project.posts].sort(byCurrentThenRecent)}
        rowClassName={(r) => (r.endedOn ? "sc-row-ended" : "")}
        columns={[
          { title: t("post.post"), dataIndex: "post", width: 150, render: (v: string) => label(POST_LABELS, v) },
          { title: t("post.person"), dataIndex: "personName", width: 120, render: (v: string, r) => <Link to={`/persons/${r.personId}`}>{v}</Link> },
          { title: t("post.enterprise"), dataIndex: "enterpriseName", ellipsis: true, render: (v: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> },
          { title: t("post.startedOn"), dataIndex: "startedOn", width: 120, render: formatDate },
          { title: t("post.endedOn"), dataIndex: "endedOn", width: 120, render: formatDate },
          { title: t("post.state"), key: "state", width: 90, render: (_: unknown, r) => (r.endedOn ? <Tag>{t("post.ended")}</Tag> : <Tag color="green">{t("post.current")}</Tag>) },
          ...(editable
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 90,
                  render: (_: unknown, r: PostDto) =>
                    !r.endedOn && (
                      <Popconfirm title={t("post.endConfirm")} onConfirm={() => onEnd(r)} okButtonProps={{ danger: true }}>
                        <Button type="link" danger size="small">
                          {t("post.end")}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
