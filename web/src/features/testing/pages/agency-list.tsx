import { useState } from "react";
import { App, Button, Card, Col, Form, Input, Modal, Row, Select, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { AgencyDto, AgencyInput } from "@contracts/testing/commission";
import { AGENCY_LEVEL_LABELS, SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import { keys } from "../../../api/query-keys";
import { useCan, useMe } from "../../../auth/use-can";
import { DateInput } from "../../../components/date-input";
import { showSaveError } from "../../../components/form-utils";
import { formatDate } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { PageHeader } from "../../../components/page-header";
import { RemoteSelect } from "../../../components/remote-select";
import { RequirePermission } from "../../../components/require-permission";
import { useListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { searchEnterprises } from "../../registry/enterprises/api";
import { useAgencies, useFileAgency } from "../api";
import "../i18n";

const FIELDS = ["enterpriseId", "qualificationNo", "level", "scopes", "validTo"] as const;

/** 登记资质: an enterprise of type 检测机构, its certificate, class, scope and validity (bureau only). */
function AgencyForm({ initial, onClose }: { initial: Partial<AgencyInput> | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useLabels();
  const [form] = Form.useForm<AgencyInput>();
  const file = useFileAgency();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await file.mutateAsync(v);
      message.success(t("common.saved"));
      onClose();
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };
  const required = [{ required: true, message: t("common.required") }];
  return (
    <Modal open title={t("testing.fileAgency")} width={640} okText={t("common.save")} okButtonProps={{ loading: file.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial ?? { level: "special", scopes: ["concrete"] }}>
        <Form.Item name="enterpriseId" label={t("testing.enterprise")} rules={required}>
          <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} disabled={!!initial?.enterpriseId} knownOptions={initial?.enterpriseId ? [{ value: initial.enterpriseId, label: (initial as { name?: string }).name ?? initial.enterpriseId }] : []} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="qualificationNo" label={t("testing.agencyQualification")} rules={required}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="level" label={t("testing.level")} rules={required}>
              <Select options={options(AGENCY_LEVEL_LABELS)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="scopes" label={t("testing.scopes")} rules={required}>
          <Select mode="multiple" options={options(SAMPLE_TYPE_LABELS)} />
        </Form.Item>
        <Form.Item name="validTo" label={t("testing.validTo")} rules={required}>
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 检测机构: qualified agencies with scope and validity; the bureau files and renews them. */
function AgencyList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const can = useCan();
  const me = useMe();
  const bureau = can("registry.enterprise.update") && ["admin", "inspector"].includes(me.data?.role ?? "");
  const lp = useListParams();
  const { data, isFetching, error } = useAgencies(lp.query);
  const [editing, setEditing] = useState<(Partial<AgencyInput> & { name?: string }) | null | undefined>(undefined);
  return (
    <>
      <PageHeader title={t("testing.menu.agencies")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select allowClear aria-label={t("testing.level")} placeholder={t("testing.level")} style={{ width: 110 }} value={lp.get("level")} options={options(AGENCY_LEVEL_LABELS)} onChange={(level?: string) => lp.set({ level })} />
              <Select allowClear aria-label={t("testing.scopes")} placeholder={t("testing.scopes")} style={{ width: 140 }} value={lp.get("scope")} options={options(SAMPLE_TYPE_LABELS)} onChange={(scope?: string) => lp.set({ scope })} />
              <Select
                allowClear
                aria-label={t("testing.valid")}
                placeholder={t("testing.valid")}
                style={{ width: 100 }}
                value={lp.get("valid")}
                options={[
                  { value: "true", label: t("testing.valid") },
                  { value: "false", label: t("testing.invalid") },
                ]}
                onChange={(valid?: string) => lp.set({ valid })}
              />
            </>
          }
          actions={
            bureau && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t("testing.fileAgency")}
              </Button>
            )
          }
        />
        <ListError error={error} />
        <Table<AgencyDto>
          rowKey="enterpriseId"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          columns={[
            { title: t("testing.agency"), dataIndex: "name", ellipsis: true },
            { title: t("testing.agencyQualification"), dataIndex: "qualificationNo", width: 160 },
            { title: t("testing.level"), dataIndex: "level", width: 90, render: (v: string) => label(AGENCY_LEVEL_LABELS, v) },
            { title: t("testing.scopes"), dataIndex: "scopes", render: (s: string[]) => s.map((x) => <Tag key={x}>{label(SAMPLE_TYPE_LABELS, x)}</Tag>) },
            { title: t("testing.validTo"), dataIndex: "validTo", width: 110, render: formatDate },
            { title: t("testing.state"), dataIndex: "valid", width: 80, render: (v: boolean) => (v ? <Tag color="success">{t("testing.valid")}</Tag> : <Tag color="error">{t("testing.invalid")}</Tag>) },
            { title: t("testing.commissionsCount"), dataIndex: "commissions", width: 80, align: "right" },
            ...(bureau
              ? [
                  {
                    title: t("common.actions"),
                    key: "actions",
                    width: 80,
                    render: (_: unknown, r: AgencyDto) => (
                      <Button size="small" type="link" onClick={() => setEditing({ enterpriseId: r.enterpriseId, name: r.name, qualificationNo: r.qualificationNo, level: r.level, scopes: r.scopes, validTo: r.validTo })}>
                        {t("common.edit")}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing !== undefined && <AgencyForm initial={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

export default function AgencyListPage() {
  return (
    <RequirePermission permission="testing.read">
      <AgencyList />
    </RequirePermission>
  );
}
