import { App, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CASE_CATEGORY_LABELS, CASE_GRADE_LABELS, type CaseCategory, type CaseGrade } from "@contracts/cases/enums";
import type { AlarmDto } from "@contracts/iot/alarms";
import { formatDateTime } from "../../../components/format";
import { useLabels } from "../../../i18n/labels";
import { alarmUnit, formatValue } from "../../iot/iot-format";
import { useOpenCase } from "../api";
import { errorText } from "../../../components/form-utils";

/** The case category an alarm's device points to: lifting equipment for cranes and hoists, dust & noise for monitors and sprays. */
function categoryOf(deviceType: AlarmDto["deviceType"]): CaseCategory {
  if (deviceType === "tower_crane" || deviceType === "hoist") return "equipment";
  if (deviceType === "env_monitor" || deviceType === "spray") return "environment";
  if (deviceType === "gas_detector") return "safety";
  return "other";
}

/** What the alarm saw, as the case's first description: site, device, value against threshold, since when. */
function describe(a: AlarmDto): string {
  const unit = alarmUnit(a);
  const v = (n: number | null) => (n == null ? null : `${formatValue(n, 2)}${unit ? ` ${unit}` : ""}`);
  const value = v(a.peakValue ?? a.value);
  const threshold = v(a.threshold);
  return [
    a.projectName,
    `${a.deviceCode} ${a.deviceName}`,
    value && (threshold ? `${value}（阈值 ${threshold}）` : value),
    `${formatDateTime(a.startedAt)} 起`,
  ]
    .filter(Boolean)
    .join("；");
}

interface Values {
  title: string;
  category: CaseCategory;
  grade: CaseGrade;
  description: string;
}

/**
 * 转为整改单: opens a case for the alarm's project with source "iot" and the alarm id as its reference.
 * The server answers the case already open for that alarm instead of a second one; either way the user
 * is taken to it.
 */
export function OpenCaseFromAlarm({ alarm, open, onClose }: { alarm: AlarmDto; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useOpenCase();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await create.mutateAsync({ projectId: alarm.projectId, source: "iot", sourceRef: alarm.id, ...v });
      message.success(r.created ? t("cases.openedNew", { no: r.no }) : t("cases.openedExisting", { no: r.no }));
      onClose();
      void navigate(`/cases/${r.id}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const required = [{ required: true, whitespace: true, message: t("common.required") }];
  return (
    <Modal open={open} title={t("cases.openCaseTitle")} okText={t("cases.openCase")} okButtonProps={{ loading: create.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden width={560}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          title: `${alarm.ruleName}（${alarm.deviceName}）`.slice(0, 200),
          category: categoryOf(alarm.deviceType),
          grade: alarm.severity === "critical" ? "major" : "general",
          description: describe(alarm),
        }}
      >
        <Form.Item name="title" label={t("cases.title")} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="category" label={t("cases.category")} rules={required}>
          <Select options={options(CASE_CATEGORY_LABELS)} />
        </Form.Item>
        <Form.Item name="grade" label={t("cases.grade")} rules={required}>
          <Select options={options(CASE_GRADE_LABELS)} />
        </Form.Item>
        <Form.Item name="description" label={t("cases.description")}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
