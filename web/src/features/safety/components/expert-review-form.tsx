import { Form, Input, Select, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { EXPERT_VERDICT_LABELS, type ExpertReviewInput } from "@contracts/safety/dangerous-works";
import { EXPERT_SPECIALTY_LABELS, EXPERT_TITLE_LABELS } from "@contracts/safety/experts";
import { DateInput } from "../../../components/date-input";
import { FormModal } from "../../../components/form-modal";
import { useLabels } from "../../../i18n/labels";
import { useExperts, useRecordExpertReview } from "../api";

/**
 * 录入专家论证: at least five active pool experts; those employed by one of the project's enterprises are
 * shown with the conflict and cannot be picked (the server refuses them too, naming which).
 */
export function ExpertReviewForm({ workId, projectId, open, onClose }: { workId: string; projectId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const experts = useExperts({ projectId, active: "true", pageSize: 200 });
  const record = useRecordExpertReview(workId);

  return (
    <FormModal<ExpertReviewInput>
      open={open}
      title={t("safety.recordReview")}
      width={680}
      onClose={onClose}
      submit={(v) => record.mutateAsync(v)}
      pending={record.isPending}
      fields={["expertIds", "heldOn", "verdict", "opinion"]}
      initialValues={{ verdict: "pass" }}
    >
      <Form.Item name="expertIds" label={t("safety.experts")} extra={t("safety.conflictHint")} rules={[{ required: true, type: "array", min: 5, message: t("safety.pickExperts") }]}>
        <Select
          mode="multiple"
          loading={experts.isLoading}
          placeholder={t("safety.pickExperts")}
          optionFilterProp="search"
          options={(experts.data?.items ?? []).map((e) => ({
            value: e.id,
            search: `${e.name} ${e.enterpriseName ?? ""}`,
            disabled: !!e.conflict,
            label: (
              <span>
                {e.name} · {label(EXPERT_TITLE_LABELS, e.title)} · {label(EXPERT_SPECIALTY_LABELS, e.specialty)}
                {e.conflict && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    {t("safety.conflict")}：{e.conflict}
                  </Tag>
                )}
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="heldOn" label={t("safety.heldOn")} rules={[{ required: true, message: t("common.required") }]}>
        <DateInput />
      </Form.Item>
      <Form.Item name="verdict" label={t("safety.verdict")} rules={[{ required: true }]}>
        <Select options={options(EXPERT_VERDICT_LABELS)} />
      </Form.Item>
      <Form.Item name="opinion" label={t("safety.opinion")}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Typography.Text type="secondary">{t("safety.expertRule")}</Typography.Text>
    </FormModal>
  );
}
