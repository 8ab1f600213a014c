import { useEffect } from "react";
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { SEVERITIES } from "@contracts/iot/alarms";
import { DEVICE_TYPES } from "@contracts/iot/devices";
import { AGGREGATIONS, NATIONAL_REGION, PERIODS, type RuleDto } from "@contracts/iot/rules";
import { showSaveError } from "../../../../components/form-utils";
import { useLabels } from "../../../../i18n/labels";
import { AGGREGATION_LABELS, DEVICE_TYPE_LABELS, DIRECTION_LABELS, METRIC_LABELS, PERIOD_LABELS, SEVERITY_LABELS } from "@contracts/iot/labels";
import { metricsOf, metricUnit } from "../../metrics";
import { useCreateRuleVersion } from "../api";
import { formValuesToInput, ruleToFormValues, type RuleFormValues } from "../rule-form";

type Values = Omit<RuleFormValues, "effectiveFrom"> & { effectiveFrom?: Dayjs | null };

const FIELDS = ["code", "name", "deviceType", "region", "kind", "metric", "aggregation", "windowS", "direction", "levels", "hysteresis", "period", "missedIntervals", "action", "source", "enabled", "effectiveFrom"] as const;

const BLANK: Values = {
  code: "",
  name: "",
  deviceType: "env_monitor",
  region: NATIONAL_REGION,
  kind: "threshold",
  metric: null,
  aggregation: "last",
  windowS: 0,
  direction: "above",
  levels: [{ severity: "minor", threshold: 0 }],
  hysteresis: 0,
  period: "all",
  missedIntervals: null,
  action: "none",
  source: "",
  enabled: true,
  effectiveFrom: null,
};

/**
 * 新版本 / 新建规则: a new version is prefilled from the current one (its identity — code, device type,
 * kind — fixed) and supersedes it from `effectiveFrom` (empty = now). The contract's own checks run
 * before sending, so the form names the field the server would.
 */
export function RuleFormDrawer({ open, base, onClose }: { open: boolean; base: RuleDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateRuleVersion();
  const kind = Form.useWatch("kind", form);
  const deviceType = Form.useWatch("deviceType", form);
  const metric = Form.useWatch("metric", form);
  const aggregation = Form.useWatch("aggregation", form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(base ? { ...ruleToFormValues(base), effectiveFrom: null } : BLANK);
  }, [open, base, form]);

  const submit = async (shown: Values) => {
    // Fields hidden for this kind (an offline rule's aggregation…) are still in the store and still required by the contract.
    const v: Values = { ...(form.getFieldsValue(true) as Values), ...shown };
    const r = formValuesToInput({ ...v, effectiveFrom: v.effectiveFrom ? v.effectiveFrom.toISOString() : null });
    if (!r.ok) {
      form.setFields(r.issues.map((i) => ({ name: (i.path.length ? i.path : ["code"]) as never, errors: [i.message] })));
      return;
    }
    try {
      await create.mutateAsync(r.input);
      message.success(t("rule.saved"));
      onClose();
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };

  const required = { required: true, message: t("common.required") };
  const unit = deviceType && metric ? metricUnit(deviceType, metric) : "";
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={base ? t("rule.newVersionOf", { name: base.name, version: base.version + 1 }) : t("rule.createTitle")}
      destroyOnHidden
      extra={
        <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
          {t("common.save")}
        </Button>
      }
    >
      {base && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("rule.versionHelp")} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="code" label={t("rule.code")} rules={[required]}>
              <Input className="sc-mono" disabled={!!base} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t("rule.name")} rules={[required]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="deviceType" label={t("device.type")} rules={[required]}>
              <Select disabled={!!base} options={options(DEVICE_TYPE_LABELS).filter((o) => DEVICE_TYPES.includes(o.value))} onChange={() => form.setFieldValue("metric", null)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t("rule.kind")} rules={[required]}>
              <Select
                disabled={!!base}
                options={[
                  { value: "threshold", label: t("rule.kindThreshold") },
                  { value: "offline", label: t("rule.kindOffline") },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="region" label={t("rule.region")} rules={[required]} extra={t("rule.regionHelp")}>
              <Input className="sc-mono" />
            </Form.Item>
          </Col>
          {kind === "offline" ? (
            <Col span={12}>
              <Form.Item name="missedIntervals" label={t("rule.missedIntervals")} rules={[required]}>
                <InputNumber min={1} max={100} precision={0} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          ) : (
            <>
              <Col span={8}>
                <Form.Item name="metric" label={t("rule.metric")} rules={[required]}>
                  <Select options={(deviceType ? metricsOf(deviceType) : []).map((m) => ({ value: m, label: `${label(METRIC_LABELS, m)} (${m})` }))} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="aggregation" label={t("rule.aggregation")} rules={[required]}>
                  <Select options={AGGREGATIONS.map((a) => ({ value: a, label: label(AGGREGATION_LABELS, a) }))} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="windowS" label={t("rule.windowS")} rules={[required]} extra={aggregation === "last" ? t("rule.windowLast") : undefined}>
                  <InputNumber min={0} max={86_400} precision={0} style={{ width: "100%" }} suffix="s" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="direction" label={t("rule.direction")} rules={[required]}>
                  <Select options={options(DIRECTION_LABELS)} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="hysteresis" label={t("rule.hysteresis")} rules={[required]} extra={t("rule.hysteresisHelp")}>
                  <InputNumber min={0} style={{ width: "100%" }} suffix={unit || undefined} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="period" label={t("rule.period")} rules={[required]}>
                  <Select options={PERIODS.map((p) => ({ value: p, label: label(PERIOD_LABELS, p) }))} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item label={t("rule.levels")} required extra={t("rule.levelsHelp")}>
                  <Form.List name="levels">
                    {(fields, { add, remove }, { errors }) => (
                      <Flex vertical gap={6}>
                        {fields.map((f) => (
                          <Flex key={f.key} gap={8} align="center">
                            <Form.Item name={[f.name, "severity"]} noStyle rules={[required]}>
                              <Select style={{ width: 120 }} aria-label={t("alarm.severity")} options={SEVERITIES.map((s) => ({ value: s, label: label(SEVERITY_LABELS, s) }))} />
                            </Form.Item>
                            <Form.Item name={[f.name, "threshold"]} noStyle rules={[required]}>
                              <InputNumber style={{ width: 180 }} aria-label={t("alarm.threshold")} suffix={unit || undefined} />
                            </Form.Item>
                            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t("common.remove")} onClick={() => remove(f.name)} disabled={fields.length <= 1} />
                          </Flex>
                        ))}
                        {fields.length < 4 && (
                          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ severity: "major", threshold: undefined })} style={{ width: 308 }}>
                            {t("rule.addLevel")}
                          </Button>
                        )}
                        <Form.ErrorList errors={errors} />
                      </Flex>
                    )}
                  </Form.List>
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="action" label={t("rule.action")}>
                  <Select
                    options={[
                      { value: "none", label: t("rule.actionNone") },
                      { value: "spray", label: t("rule.actionSpray") },
                    ]}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={12}>
            <Form.Item name="effectiveFrom" label={t("rule.effectiveFrom")} extra={t("rule.effectiveFromHelp")}>
              <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} disabledDate={(d) => d.isBefore(dayjs().startOf("day"))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="source" label={t("rule.source")} rules={[required]} extra={t("rule.sourceHelp")}>
              <Input.TextArea rows={2} maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="enabled" label={t("rule.enabled")} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
