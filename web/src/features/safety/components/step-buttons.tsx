import { useState } from "react";
import { App, Button, Flex, Form, Input, Modal, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { DANGEROUS_WORK_STATE_LABELS, type DangerousWorkDetailDto, type DangerousWorkState } from "@contracts/safety/dangerous-works";
import { DateInput } from "../../../components/date-input";
import { showSaveError } from "../../../components/form-utils";
import { useLabels } from "../../../i18n/labels";
import { useTransitionWork } from "../api";
import "../i18n";

/** Steps that go backwards (a return, a failed acceptance) and so must say why. */
const isReturn = (from: DangerousWorkState, to: DangerousWorkState) => to === "scheme_drafting" || (from === "acceptance" && to === "in_progress");

/**
 * The next steps as buttons: allowed ones open a confirmation with the note (required for a return) and,
 * leaving 交底, the briefing date; refused ones are disabled with the server's reason as tooltip.
 */
export function StepButtons({ work }: { work: DangerousWorkDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useLabels();
  const [form] = Form.useForm<{ note?: string; disclosedOn?: string | null }>();
  const [to, setTo] = useState<DangerousWorkState | null>(null);
  const move = useTransitionWork(work.id);

  if (work.nextSteps.length === 0) return <Typography.Text type="secondary">{t("safety.noNextSteps")}</Typography.Text>;
  const needsNote = to !== null && isReturn(work.state, to);
  const needsDate = work.state === "disclosed" && to === "in_progress";

  const submit = async () => {
    if (!to) return;
    const v = await form.validateFields();
    try {
      await move.mutateAsync({ to, note: v.note ?? "", data: needsDate ? { disclosedOn: v.disclosedOn } : undefined });
      message.success(t("common.saved"));
      form.resetFields();
      setTo(null);
    } catch (e) {
      showSaveError(form, e, ["note"], message);
    }
  };

  return (
    <>
      <Flex wrap gap={8}>
        {work.nextSteps.map((s) => {
          const text = t("safety.goTo", { state: label(DANGEROUS_WORK_STATE_LABELS, s.to) });
          const button = (
            <Button key={s.to} type={s.allowed && !isReturn(work.state, s.to) ? "primary" : "default"} danger={isReturn(work.state, s.to)} disabled={!s.allowed} onClick={() => setTo(s.to)}>
              {text}
            </Button>
          );
          return s.allowed ? button : <Tooltip key={s.to} title={s.reason}>{button}</Tooltip>;
        })}
      </Flex>
      <Modal
        open={to !== null}
        title={to ? t("safety.confirmStep", { state: label(DANGEROUS_WORK_STATE_LABELS, to) }) : ""}
        okText={t("common.confirm")}
        okButtonProps={{ loading: move.isPending, danger: needsNote }}
        onOk={() => void submit()}
        onCancel={() => setTo(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {needsDate && (
            <Form.Item name="disclosedOn" label={t("safety.disclosedOn")} rules={[{ required: true, message: t("common.required") }]}>
              <DateInput />
            </Form.Item>
          )}
          <Form.Item name="note" label={t("safety.note")} rules={needsNote ? [{ required: true, whitespace: true, message: t("safety.noteRequired") }] : []}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
