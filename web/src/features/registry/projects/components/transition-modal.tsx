import { useEffect } from "react";
import { App, Form, Input, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { PROJECT_STATUS_LABELS, type ProjectStatus } from "@contracts/registry/enums";
import type { ProjectDto, TransitionProjectInput } from "@contracts/registry/project";
import { DateInput } from "../../../../components/date-input";
import { showSaveError } from "../../../../components/form-utils";
import { useLabels } from "../../../../i18n/labels";
import { useTransitionProject } from "../api";

/** Confirms a lifecycle change; suspending (停工) requires a reason, any change may carry its date. */
export function TransitionModal({ project, to, onClose }: { project: ProjectDto; to: ProjectStatus | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<TransitionProjectInput, "to">>();
  const transition = useTransitionProject(project.id);

  useEffect(() => {
    if (to) form.resetFields();
  }, [to, form]);

  const submit = async (values: Omit<TransitionProjectInput, "to">) => {
    if (!to) return;
    try {
      await transition.mutateAsync({ to, on: values.on || undefined, reason: values.reason?.trim() || undefined });
      message.success(t("project.transitioned"));
      onClose();
    } catch (e) {
      showSaveError(form, e, ["on", "reason"], message);
    }
  };

  const status = to ? label(PROJECT_STATUS_LABELS, to) : "";
  return (
    <Modal
      open={!!to}
      title={t("project.transitionTo", { status })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.confirm")}
      okButtonProps={{ danger: to === "suspended", loading: transition.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("project.transitionConfirm", { status })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="on" label={t("project.transitionOn")}>
          <DateInput />
        </Form.Item>
        <Form.Item name="reason" label={t("project.reason")} rules={to === "suspended" ? [{ required: true, whitespace: true, message: t("project.reasonRequired") }] : []}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
