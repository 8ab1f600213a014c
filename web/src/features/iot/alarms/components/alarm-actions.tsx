import { useState } from "react";
import { App, Button, Dropdown, Form, Input, Modal, Popconfirm, Space } from "antd";
import { MoreOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { AlarmDto } from "@contracts/iot/alarms";
import { useCan, useMe } from "../../../../auth/use-can";
import { RemoteSelect } from "../../../../components/remote-select";
import { searchUsers } from "../../../admin/users/api";
import { keys } from "../../../../api/query-keys";
import { OpenCaseFromAlarm } from "../../../cases/components/open-case-from-alarm";
import { useAlarmAction } from "../api";
import { errorText } from "../../../../components/form-utils";

type Dialog = "assign" | "comment" | "case" | null;

/**
 * 确认 / 清除 (confirmed) / 指派 / 评论 for one alarm, by permission and state: only unacknowledged alarms
 * can be acknowledged, only active ones cleared. Picking another user to assign needs the user list
 * (`admin.users`); anyone who handles alarms can take one themselves.
 */
export function AlarmActions({ alarm, size = "small", onDetail }: { alarm: AlarmDto; size?: "small" | "middle"; onDetail?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const me = useMe();
  const act = useAlarmAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  // undefined = not touched yet (the current assignee stands); null = unassign.
  const [assignee, setAssignee] = useState<string | null | undefined>(undefined);
  const chosen = assignee === undefined ? alarm.assigneeId : assignee;
  const [text, setText] = useState("");

  const handle = can("iot.alarm.handle");
  const pickUsers = can("admin.users");
  const unacked = alarm.status.endsWith("_unack");
  const active = alarm.status.startsWith("active");

  const run = async (input: Parameters<typeof act.mutateAsync>[0], done: string) => {
    try {
      await act.mutateAsync(input);
      message.success(done);
      setDialog(null);
      setText("");
      setAssignee(undefined);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  if (!handle && !onDetail && !can("cases.inspect")) return null;
  const more = [
    onDetail && { key: "detail", label: t("alarm.detail"), onClick: onDetail },
    handle && pickUsers && { key: "assign", label: t("alarm.assign"), onClick: () => setDialog("assign") },
    handle && me.data && alarm.assigneeId !== me.data.id && { key: "take", label: t("alarm.assignMe"), onClick: () => void run({ id: alarm.id, action: "assign", assigneeId: me.data!.id }, t("alarm.assigned")) },
    handle && { key: "comment", label: t("alarm.comment"), onClick: () => setDialog("comment") },
    // Inspectors turn an alarm into a rectification case (source "iot", the alarm as its reference).
    can("cases.inspect") && { key: "case", label: t("cases.openCase"), onClick: () => setDialog("case") },
  ].filter((i): i is Exclude<typeof i, false | undefined | null> => !!i);

  return (
    <Space size={0} onClick={(e) => e.stopPropagation()}>
      {handle && unacked && (
        <Button type={size === "small" ? "link" : "primary"} size={size} loading={act.isPending} onClick={() => void run({ id: alarm.id, action: "ack" }, t("alarm.acked"))}>
          {t("alarm.ack")}
        </Button>
      )}
      {handle && active && (
        <Popconfirm title={t("alarm.clearConfirm")} onConfirm={() => run({ id: alarm.id, action: "clear" }, t("alarm.cleared"))} okButtonProps={{ danger: true }}>
          <Button type={size === "small" ? "link" : "default"} size={size} danger>
            {t("alarm.clear")}
          </Button>
        </Popconfirm>
      )}
      {more.length > 0 && (
        <Dropdown menu={{ items: more }} trigger={["click"]}>
          <Button type={size === "small" ? "link" : "default"} size={size} icon={<MoreOutlined />} aria-label={t("common.actions")} />
        </Dropdown>
      )}
      <Modal
        open={dialog === "assign"}
        title={t("alarm.assignTitle")}
        onCancel={() => setDialog(null)}
        onOk={() => void run({ id: alarm.id, action: "assign", assigneeId: chosen }, t("alarm.assigned"))}
        okButtonProps={{ loading: act.isPending }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t("alarm.assignee")} extra={t("alarm.unassignHelp")}>
            <RemoteSelect scope={keys.users.all} fetchOptions={searchUsers} value={chosen} knownOptions={alarm.assigneeId && alarm.assigneeName ? [{ value: alarm.assigneeId, label: alarm.assigneeName }] : []} onChange={(v) => setAssignee((v as string | null) ?? null)} placeholder={t("token.pickUser")} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === "comment"}
        title={t("alarm.comment")}
        onCancel={() => setDialog(null)}
        onOk={() => text.trim() && void run({ id: alarm.id, action: "comments", text: text.trim() }, t("alarm.commented"))}
        okButtonProps={{ loading: act.isPending, disabled: !text.trim() }}
        destroyOnHidden
      >
        <Input.TextArea rows={3} maxLength={1000} showCount value={text} onChange={(e) => setText(e.target.value)} aria-label={t("alarm.comment")} />
      </Modal>
      {dialog === "case" && <OpenCaseFromAlarm alarm={alarm} open onClose={() => setDialog(null)} />}
    </Space>
  );
}
