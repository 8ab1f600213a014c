import { useState } from "react";
import { App, Button, Flex, Form, Input, Modal, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { DANGEROUS_WORK_STATE_LABELS, STEP_FIELDS, type DangerousWorkDetailDto, type NextStepDto, type StepField } from "@contracts/safety/dangerous-works";
import { DateInput } from "../../../components/date-input";
import { showSaveError } from "../../../components/form-utils";
import { useLabels } from "../../../i18n/labels";
import { useTransitionWork } from "../api";
import { DateTimeInput } from "./datetime-input";
import { stepInput, stepTone, type StepValues } from "./step-form";

/** The input of one step field, by its kind in STEP_FIELDS. */
function FieldInput({ field, ...rest }: { field: StepField; value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const kind = STEP_FIELDS[field].kind;
  if (kind === "date") return <DateInput {...rest} />;
  if (kind === "datetime") return <DateTimeInput {...rest} />;
  return <Input.TextArea id={rest.id} value={rest.value ?? ""} onChange={(e) => rest.onChange?.(e.target.value)} rows={4} maxLength={4000} showCount />;
}

/**
 * The next steps as buttons: allowed ones open a form with what the step records (`nextSteps[].fields`) and
 * its note (required when `needsNote`); refused ones are disabled with the server's reason as tooltip.
 * Returns and the emergency report are red.
 */
export function StepButtons({ work }: { work: DangerousWorkDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useLabels();
  const [form] = Form.useForm<StepValues>();
  const [step, setStep] = useState<NextStepDto | null>(null);
  const move = useTransitionWork(work.id);

  if (work.nextSteps.length === 0) return <Typography.Text type="secondary">{t("safety.noNextSteps")}</Typography.Text>;
  const stateLabel = (s: NextStepDto) => label(DANGEROUS_WORK_STATE_LABELS, s.to);
  const emergency = step?.to === "emergency";

  const submit = async () => {
    if (!step) return;
    const v = await form.validateFields();
    try {
      await move.mutateAsync(stepInput(step, v));
      message.success(t("common.saved"));
      setStep(null);
    } catch (e) {
      showSaveError(form, e, ["note", "data"], message);
    }
  };

  return (
    <>
      <Flex wrap gap={8}>
        {work.nextSteps.map((s) => {
          const tone = stepTone(s);
          const button = (
            <Button key={s.to} type={s.allowed && tone === "forward" ? "primary" : "default"} danger={tone !== "forward"} disabled={!s.allowed} onClick={() => setStep(s)}>
              {tone === "emergency" ? t("safety.reportEmergency") : t("safety.goTo", { state: stateLabel(s) })}
            </Button>
          );
          return s.allowed ? button : <Tooltip key={s.to} title={s.reason}>{button}</Tooltip>;
        })}
      </Flex>
      <Modal
        open={step !== null}
        title={step ? (emergency ? t("safety.reportEmergency") : t("safety.confirmStep", { state: stateLabel(step) })) : ""}
        okText={t("common.confirm")}
        okButtonProps={{ loading: move.isPending, danger: !!step && stepTone(step) !== "forward" }}
        onOk={() => void submit()}
        onCancel={() => setStep(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {step?.fields.map((f) => (
            <Form.Item
              key={f}
              name={["data", f]}
              label={label(STEP_FIELDS, f)}
              rules={[{ required: true, whitespace: STEP_FIELDS[f].kind === "text", message: t("common.required") }]}
            >
              <FieldInput field={f} />
            </Form.Item>
          ))}
          <Form.Item
            name="note"
            label={emergency ? t("safety.emergencyNote") : t("safety.note")}
            rules={step?.needsNote ? [{ required: true, whitespace: true, message: emergency ? t("safety.emergencyNoteRequired") : t("safety.noteRequired") }] : []}
          >
            <Input.TextArea rows={emergency ? 4 : 3} maxLength={1000} showCount={emergency} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
