import { useState } from "react";
import { App, Button, Card, Form, InputNumber, Modal, Popconfirm, Select, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { EXPERT_SPECIALTY_LABELS, EXPERT_TITLE_LABELS, type CreateExpertInput, type ExpertDto } from "@contracts/safety/experts";
import { useMe } from "../../../auth/use-can";
import { keys } from "../../../api/query-keys";
import { showSaveError } from "../../../components/form-utils";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { PageHeader } from "../../../components/page-header";
import { RemoteSelect } from "../../../components/remote-select";
import { RequirePermission } from "../../../components/require-permission";
import { useListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { searchPersons } from "../../registry/persons/api";
import { useCreateExpert, useExperts, useUpdateExpert } from "../api";
import "../i18n";

const CITY_WIDE = new Set(["admin", "leader", "inspector"]);

function ExpertForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useLabels();
  const [form] = Form.useForm<CreateExpertInput>();
  const create = useCreateExpert();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync(v);
      message.success(t("common.created"));
      onClose();
    } catch (e) {
      showSaveError(form, e, ["personId", "specialty", "title", "years"], message);
    }
  };
  const required = [{ required: true, message: t("common.required") }];
  return (
    <Modal open title={t("safety.newExpert")} okText={t("common.save")} okButtonProps={{ loading: create.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ title: "senior", years: 15 }} >
        <Form.Item name="personId" label={t("safety.person")} rules={required}>
          <RemoteSelect scope={keys.persons.all} fetchOptions={searchPersons} />
        </Form.Item>
        <Form.Item name="specialty" label={t("safety.specialty")} rules={required}>
          <Select options={options(EXPERT_SPECIALTY_LABELS)} />
        </Form.Item>
        <Form.Item name="title" label={t("safety.title")} rules={required}>
          <Select options={options(EXPERT_TITLE_LABELS)} />
        </Form.Item>
        <Form.Item name="years" label={t("safety.years")} rules={required} extra={t("safety.expertRule")}>
          <InputNumber min={0} max={70} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 专家库: the government pool for 超危大 expert reviews; the bureau adds, deactivates and re-activates experts. */
export default function ExpertList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const { data: me } = useMe();
  const lp = useListParams();
  const { data, isFetching, error } = useExperts(lp.query);
  const update = useUpdateExpert();
  const [adding, setAdding] = useState(false);
  const manage = !!me && me.permissions.includes("safety.manage") && CITY_WIDE.has(me.role);

  return (
    <RequirePermission permission="safety.read">
      <PageHeader title={t("safety.menu.experts")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={<Select allowClear aria-label={t("safety.specialty")} placeholder={t("safety.specialty")} style={{ width: 150 }} value={lp.get("specialty")} options={options(EXPERT_SPECIALTY_LABELS)} onChange={(specialty?: string) => lp.set({ specialty })} />}
          actions={
            manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t("safety.newExpert")}
              </Button>
            )
          }
        />
        <ListError error={error} />
        <Table<ExpertDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          columns={[
            { title: t("safety.person"), dataIndex: "name", width: 120 },
            { title: t("safety.employer"), dataIndex: "enterpriseName", ellipsis: true, render: (v: string | null) => v ?? "—" },
            { title: t("safety.specialty"), dataIndex: "specialty", width: 120, render: (v: string) => label(EXPERT_SPECIALTY_LABELS, v) },
            { title: t("safety.title"), dataIndex: "title", width: 130, render: (v: string) => label(EXPERT_TITLE_LABELS, v) },
            { title: t("safety.years"), dataIndex: "years", width: 90 },
            { title: t("safety.active"), dataIndex: "active", width: 80, render: (v: boolean) => (v ? <Tag color="success">{t("common.yes")}</Tag> : <Tag>{t("common.no")}</Tag>) },
            ...(manage
              ? [
                  {
                    title: t("safety.actions"),
                    key: "actions",
                    width: 100,
                    render: (_: unknown, r: ExpertDto) => (
                      <Popconfirm title={`${r.active ? t("safety.deactivate") : t("safety.activate")}：${r.name}？`} onConfirm={() => update.mutateAsync({ id: r.id, active: !r.active })}>
                        <Button size="small" type="link" danger={r.active}>
                          {r.active ? t("safety.deactivate") : t("safety.activate")}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {adding && <ExpertForm onClose={() => setAdding(false)} />}
    </RequirePermission>
  );
}
