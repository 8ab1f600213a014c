import { App, Button, Popconfirm, Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PARTICIPANT_ROLE_LABELS } from "@contracts/registry/enums";
import type { ParticipantDto, ProjectDto } from "@contracts/registry/project";
import { useCan } from "../../../../auth/use-can";
import { useLabels } from "../../../../i18n/labels";
import { useRemoveParticipant } from "../api";
import { AddParticipantForm } from "./add-participant-form";
import { errorText } from "../../../../components/form-utils";

/** 参建单位: who takes part in the project in which role; bureau users add and remove them. */
export function ParticipantsTab({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { message } = App.useApp();
  const can = useCan();
  const remove = useRemoveParticipant(project.id);
  const editable = can("registry.project.create");

  const onRemove = async (p: ParticipantDto) => {
    try {
      await remove.mutateAsync(p.id);
      message.success(t("participant.removed"));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      {editable && <AddParticipantForm projectId={project.id} />}
      <Table<ParticipantDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={project.participants}
        columns={[
          { title: t("participant.role"), dataIndex: "role", width: 160, render: (v: string) => label(PARTICIPANT_ROLE_LABELS, v) },
          { title: t("participant.enterprise"), dataIndex: "enterpriseName", render: (v: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> },
          { title: t("participant.creditCode"), dataIndex: "creditCode", width: 220, render: (v: string) => <span className="sc-mono">{v}</span> },
          ...(editable
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 100,
                  render: (_: unknown, r: ParticipantDto) => (
                    <Popconfirm title={t("participant.removeConfirm")} onConfirm={() => onRemove(r)} okButtonProps={{ danger: true }}>
                      <Button type="link" danger size="small">
                        {t("common.remove")}
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
