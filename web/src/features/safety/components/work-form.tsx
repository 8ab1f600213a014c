import { Alert, Checkbox, Col, Form, Input, InputNumber, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { CATEGORY_PARAMS, DANGEROUS_WORK_CATEGORY_LABELS, type DangerousWorkCategory, type DangerousWorkDto, type Params } from "@contracts/safety/dangerous-works";
import { DateInput } from "../../../components/date-input";
import { FormModal, useRequired } from "../../../components/form-modal";
import { useLabels } from "../../../i18n/labels";
import { useCreateWork, useUpdateWork } from "../api";
import { DrafterSelect } from "./drafter-select";

const FIELDS = ["category", "name", "location", "params", "plannedStart", "plannedEnd", "authorName", "drafterEnterpriseId", "note"] as const;

interface Values {
  category: DangerousWorkCategory;
  name: string;
  location?: string;
  params?: Record<string, number | boolean | null | undefined>;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  authorName?: string | null;
  drafterEnterpriseId?: string | null;
  note?: string;
}

/** Drops blank numbers and unticked kinds: only what was declared goes to the classifier. */
const declared = (p: Values["params"] = {}): Params => Object.fromEntries(Object.entries(p).filter((e): e is [string, number | boolean] => typeof e[1] === "number" || e[1] === true));

/**
 * 登记危大工程 (or, given a work, 修改方案参数): the category decides which parameters are asked for; the
 * server classifies and refuses parameters below every 危大 threshold, naming the field.
 */
export function WorkForm({ open, onClose, projectId, work }: { open: boolean; onClose: () => void; projectId: string; work?: DangerousWorkDto }) {
  const { t } = useTranslation();
  const { options, lang } = useLabels();
  const [form] = Form.useForm<Values>();
  const create = useCreateWork(projectId);
  const update = useUpdateWork(work?.id ?? "");
  const category = (Form.useWatch("category", form) as DangerousWorkCategory | undefined) ?? work?.category;
  const specs = category ? CATEGORY_PARAMS[category] : [];
  const reviewing = work && !["identified", "scheme_drafting"].includes(work.state);

  const submit = (v: Values) => {
    const common = {
      name: v.name,
      location: v.location ?? "",
      params: declared(v.params),
      plannedStart: v.plannedStart ?? null,
      plannedEnd: v.plannedEnd ?? null,
      authorName: v.authorName ?? null,
      drafterEnterpriseId: v.drafterEnterpriseId ?? null,
    };
    // The drafter goes only when changed: leaving it out leaves it as it is.
    return work ? update.mutateAsync({ ...common, drafterEnterpriseId: common.drafterEnterpriseId === work.drafterEnterpriseId ? undefined : common.drafterEnterpriseId, note: v.note }) : create.mutateAsync({ ...common, category: v.category });
  };
  const required = useRequired();

  return (
    <FormModal<Values>
      form={form}
      open={open}
      title={t(work ? "safety.editWork" : "safety.newWork")}
      width={720}
      onClose={onClose}
      submit={submit}
      pending={create.isPending || update.isPending}
      fields={FIELDS}
      success={t(work ? "common.saved" : "common.created")}
      initialValues={work ? { ...work, params: work.params } : undefined}
    >
      {reviewing && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("safety.changeHint")} />}
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="category" label={t("safety.category")} rules={required}>
            <Select disabled={!!work} showSearch={{ optionFilterProp: "label" }} options={options(DANGEROUS_WORK_CATEGORY_LABELS)} onChange={() => form.setFieldsValue({ params: {} })} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="name" label={t("safety.name")} rules={required}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
      </Row>
      {category && (
        <>
          <Typography.Text strong>{t("safety.params")}</Typography.Text>
          {specs.length === 0 && <Typography.Paragraph type="secondary">{t("safety.noParams")}</Typography.Paragraph>}
          <Row gutter={12} style={{ marginTop: 8 }}>
            {specs.map((s) => (
              <Col span={s.type === "number" ? 8 : 12} key={s.key}>
                {s.type === "number" ? (
                  <Form.Item name={["params", s.key]} label={lang.startsWith("en") ? s.en : s.zh}>
                    <InputNumber min={0} max={100000} style={{ width: "100%" }} suffix={s.unit} />
                  </Form.Item>
                ) : (
                  <Form.Item name={["params", s.key]} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>{lang.startsWith("en") ? s.en : s.zh}</Checkbox>
                  </Form.Item>
                )}
              </Col>
            ))}
          </Row>
        </>
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="location" label={t("safety.location")}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="authorName" label={t("safety.authorName")}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="drafterEnterpriseId" label={t("safety.drafterSub")} extra={t("safety.drafterSubHint")}>
        <DrafterSelect projectId={projectId} current={work?.drafterEnterpriseId ? { id: work.drafterEnterpriseId, name: work.drafterEnterpriseName } : undefined} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="plannedStart" label={t("safety.plannedStart")}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="plannedEnd" label={t("safety.plannedEnd")}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      {work && (
        <Form.Item name="note" label={t("safety.changeNote")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </FormModal>
  );
}
