import { App, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { NATIONAL_REGION, NewRuleVersionInput, type RuleVersionDto } from "@contracts/platform/rules";
import { ApiError, toNamePath } from "../../../../api/client";
import { DateInput } from "../../../../components/date-input";
import { FormModal, useRequired } from "../../../../components/form-modal";
import { zodRule } from "../../../../components/form-utils";
import { useFileThreshold } from "../api";
import { parseValue, valueText } from "../threshold-value";

interface Values {
  code: string;
  region: string;
  effectiveFrom: string;
  value: string;
  source: string;
}

const FIELDS = ["code", "region", "effectiveFrom", "value", "source"] as const;
/** Thrown when the user backs out of the confirmation: nothing was sent, the form stays open. */
const CANCELLED = new Error("cancelled");

export interface ThresholdFileModalProps {
  open: boolean;
  onClose: () => void;
  /** The version to start from (its code and value), or null for a blank form. */
  base: RuleVersionDto | null;
  cityRegion: string;
  /** The rules one may file for, with their labels, and the value in force for each (the form's start). */
  rules: { code: string; label: string; value: unknown }[];
}

/**
 * 报备阈值版本: a new version of one threshold for the city (or the national default), from a day. The value
 * is edited as JSON starting from the one in force; after a confirmation naming the rule, the region and the
 * day, the server checks it against the rule's schema and any refusal lands under its field (a bad part of the
 * value under 取值, with its path).
 */
export function ThresholdFileModal({ open, onClose, base, cityRegion, rules }: ThresholdFileModalProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const file = useFileThreshold();
  const required = useRequired();
  const regionName = (r: string) => (r === NATIONAL_REGION ? t("threshold.national") : t("threshold.city", { code: r }));

  const submit = async (v: Values) => {
    const rule = rules.find((r) => r.code === v.code);
    const confirmed = await modal.confirm({
      title: t("threshold.confirmTitle"),
      content: t("threshold.confirmBody", { rule: rule?.label ?? v.code, region: regionName(v.region), from: v.effectiveFrom }),
      okText: t("threshold.confirmOk"),
    });
    if (!confirmed) throw CANCELLED;
    return file.mutateAsync({ code: v.code, region: v.region, effectiveFrom: v.effectiveFrom, source: v.source, value: JSON.parse(v.value) as unknown });
  };

  // The server names a bad part of the value by its path (value.0.requiredRate): shown under 取值 with that path.
  const onError = (e: unknown): boolean => {
    if (e === CANCELLED) return true;
    if (!(e instanceof ApiError)) return false;
    const byField = new Map<string, string[]>();
    for (const issue of e.fieldIssues()) {
      const [field, ...rest] = toNamePath(issue.path).map(String);
      if (!(FIELDS as readonly string[]).includes(field)) continue;
      byField.set(field, [...(byField.get(field) ?? []), rest.length ? `${rest.join(".")}: ${issue.message}` : issue.message]);
    }
    if (!byField.size) return false;
    form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Values, errors })));
    return true;
  };

  const json = {
    validator: async (_: unknown, text: string | undefined) => {
      if (text && !parseValue(text).ok) throw new Error(t("threshold.notJson"));
    },
  };
  const startValue = (code: string | undefined) => valueText(rules.find((r) => r.code === code)?.value);

  return (
    <FormModal<Values, RuleVersionDto>
      open={open}
      form={form}
      title={t("threshold.fileTitle")}
      onClose={onClose}
      submit={submit}
      fields={FIELDS}
      pending={file.isPending}
      width={640}
      okText={t("threshold.file")}
      success={null}
      onSaved={(r) => message.success(t("threshold.filed", { version: r.version, from: r.effectiveFrom }))}
      onError={onError}
      intro={<p style={{ color: "var(--ant-color-text-secondary)" }}>{t("threshold.fileHint")}</p>}
      initialValues={{ code: base?.code, region: cityRegion, value: base ? valueText(base.value) : undefined }}
      resetOn={base?.id}
      formProps={{ onValuesChange: (changed: Partial<Values>) => changed.code !== undefined && form.setFieldsValue({ value: startValue(changed.code) }) }}
    >
      <Form.Item name="code" label={t("threshold.rule")} rules={required}>
        <Select showSearch optionFilterProp="label" options={rules.map((r) => ({ value: r.code, label: `${r.label} · ${r.code}` }))} />
      </Form.Item>
      <Form.Item name="region" label={t("threshold.region")} rules={required}>
        <Select options={[cityRegion, NATIONAL_REGION].map((r) => ({ value: r, label: regionName(r) }))} />
      </Form.Item>
      <Form.Item name="effectiveFrom" label={t("threshold.effectiveFrom")} rules={required}>
        <DateInput />
      </Form.Item>
      <Form.Item name="value" label={t("threshold.valueJson")} rules={[...required, json]}>
        <Input.TextArea className="sc-mono" autoSize={{ minRows: 4, maxRows: 14 }} spellCheck={false} />
      </Form.Item>
      <Form.Item name="source" label={t("threshold.source")} rules={[...required, zodRule(NewRuleVersionInput.shape.source)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t("threshold.sourceHint")} />
      </Form.Item>
    </FormModal>
  );
}
