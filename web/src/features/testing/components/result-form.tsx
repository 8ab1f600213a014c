import { App, Checkbox, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import type { CommissionDto } from "@contracts/testing/commission";
import type { ResultDto } from "@contracts/testing/result";
import { shanghaiDay } from "@contracts/platform/time";
import { FormModal } from "../../../components/form-modal";
import { DateInput } from "../../../components/date-input";
import { useResults, useSubmitResult } from "../api";
import { parseConcreteGroups, parseItems, parseRebarSpecimens } from "../values";

const FIELDS = ["testedOn", "values", "retestOf"] as const;

interface Values {
  testedOn: string;
  text: string;
  retest: boolean;
}

/** 录入结果 (the agency): values typed one group/specimen/item per line; a failed earlier result may be re-tested. */
export function ResultForm({ commission, onClose }: { commission: CommissionDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useSubmitResult(commission.id);
  const earlier = useResults({ commissionId: commission.id, pageSize: 1 });
  const failed = earlier.data?.items.find((r) => !r.pass);
  const hint = commission.sampleType === "concrete" ? t("testing.valuesHint") : commission.sampleType === "rebar" ? t("testing.specimensHint") : t("testing.itemsHint");
  const send = (v: Values) => {
    const values = commission.sampleType === "concrete" ? parseConcreteGroups(v.text) : commission.sampleType === "rebar" ? parseRebarSpecimens(v.text) : parseItems(v.text);
    return submit.mutateAsync({ testedOn: v.testedOn, values, retestOf: v.retest && failed ? failed.id : null });
  };
  return (
    <FormModal<Values, ResultDto>
      title={`${t("testing.submitResult")} · ${commission.no}`}
      onClose={onClose}
      submit={send}
      pending={submit.isPending}
      fields={FIELDS}
      success={null}
      onSaved={(r) => (r.pass ? message.success(t("testing.pass")) : message.warning(t("testing.fail")))}
      initialValues={{ testedOn: shanghaiDay(), retest: !!failed }}
    >
      <Form.Item name="testedOn" label={t("testing.testedOn")} rules={[{ required: true, message: t("common.required") }]}>
        <DateInput />
      </Form.Item>
      <Form.Item name="text" label={t("testing.values")} extra={hint} rules={[{ required: true, message: t("common.required") }]}>
        <Input.TextArea rows={6} style={{ fontFamily: "monospace" }} />
      </Form.Item>
      {failed && (
        <Form.Item name="retest" valuePropName="checked">
          <Checkbox>{t("testing.retest")}</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
