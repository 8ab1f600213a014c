import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { CASE_CATEGORY_LABELS, CASE_GRADE_LABELS } from "@contracts/cases/enums";
import type { CreateTemplateInput, TemplateDetailDto } from "@contracts/cases/inspections";
import { DOMAINS } from "@contracts/platform/auth";
import { showSaveError } from "../../../../components/form-utils";
import { useLabels } from "../../../../i18n/labels";
import { useCreateTemplate } from "../api";

const FIELDS = ["code", "name", "domain", "source", "items"] as const;

/**
 * 发布新版本 of a checklist (prefilled from the version shown) or a new checklist. The server keeps every
 * version; inspections keep the one they used.
 */
export function TemplateForm({ open, base, onClose }: { open: boolean; base: TemplateDetailDto | null; onClose: (saved?: TemplateDetailDto) => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateTemplateInput>();
  const create = useCreateTemplate();
  const required = [{ required: true, message: t("common.required") }];

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const saved = await create.mutateAsync(values);
      message.success(t("template.published"));
      onClose(saved);
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };

  const initial: Partial<CreateTemplateInput> = base
    ? { code: base.code, name: base.name, domain: base.domain, source: base.source, items: base.items }
    : { domain: "quality", items: [{ code: "1", text: "", category: "quality", grade: "general", score: 5, clause: "" }] };

  return (
    <Modal open={open} width={1100} title={base ? `${t("template.newVersion")} · ${base.name} v${base.version + 1}` : t("template.newTemplate")} okText={t("template.newVersion")} okButtonProps={{ loading: create.isPending }} onOk={() => void submit()} onCancel={() => onClose()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="code" label={t("template.code")} rules={required}>
              <Input disabled={!!base} className="sc-mono" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="name" label={t("template.name")} rules={required}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="domain" label={t("template.domain")} rules={required}>
              <Select options={DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="source" label={t("template.source")}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <div style={{ maxHeight: 420, overflow: "auto" }}>
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col span={4}>
                    <Form.Item name={[f.name, "code"]} rules={required} aria-label={t("template.itemCode")}>
                      <Input placeholder={t("template.itemCode")} className="sc-mono" />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[f.name, "text"]} rules={required}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder={t("template.itemText")} maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item name={[f.name, "category"]} rules={required}>
                      <Select options={options(CASE_CATEGORY_LABELS)} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Form.Item name={[f.name, "grade"]} rules={required}>
                      <Select options={options(CASE_GRADE_LABELS)} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Form.Item name={[f.name, "score"]} rules={required}>
                      <InputNumber min={0} max={100} style={{ width: "100%" }} placeholder={t("template.itemScore")} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[f.name, "clause"]} initialValue="">
                      <Input placeholder={t("inspection.clause")} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col span={1}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t("common.remove")} onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ code: String(fields.length + 1), text: "", category: "quality", grade: "general", score: 5, clause: "" })}>
                {t("template.addItem")}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
