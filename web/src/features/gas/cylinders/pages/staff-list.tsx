import { useState } from "react";
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { STAFF_ROLE_LABELS, type StaffDto, type StaffInput } from "@contracts/gas/station";
import { keys } from "../../../../api/query-keys";
import { useCan, useMe } from "../../../../auth/use-can";
import { DateInput } from "../../../../components/date-input";
import { ExportButton } from "../../../../components/export-button";
import { showSaveError } from "../../../../components/form-utils";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RemoteSelect } from "../../../../components/remote-select";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { searchEnterprises } from "../../../registry/enterprises/api";
import { searchPersons } from "../../../registry/persons/api";
import { searchStations, useSaveStaff, useStaff } from "../api";
import { gasCylinderKeys } from "../keys";
import "../i18n";

const FIELDS = ["enterpriseId", "personId", "stationId", "role", "certificateNo", "certificateValidTo", "active"] as const;

function StaffForm({ initial, onClose }: { initial: StaffDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useLabels();
  const me = useMe();
  const [form] = Form.useForm<StaffInput>();
  const save = useSaveStaff(initial?.id);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ ...v, stationId: v.stationId ?? null });
      message.success(t("common.saved"));
      onClose();
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };
  const required = [{ required: true, message: t("common.required") }];
  return (
    <Modal open title={initial ? t("gasCyl.editStaff") : t("gasCyl.newStaff")} width={560} okText={t("common.save")} okButtonProps={{ loading: save.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial ?? { role: "filler", active: true }}>
        {me.data?.role !== "gas_company" && !initial && (
          <Form.Item name="enterpriseId" label={t("gasCyl.enterprise")} extra={t("gasCyl.enterpriseHint")} rules={required}>
            <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} />
          </Form.Item>
        )}
        <Form.Item name="personId" label={t("gasCyl.person")} extra={t("gasCyl.pickPerson")} rules={required}>
          <RemoteSelect scope={keys.persons.all} fetchOptions={searchPersons} disabled={!!initial} knownOptions={initial ? [{ value: initial.personId, label: initial.personName }] : []} />
        </Form.Item>
        <Form.Item name="stationId" label={t("gasCyl.station")}>
          <RemoteSelect scope={gasCylinderKeys.stations.all} fetchOptions={searchStations} knownOptions={initial?.stationId ? [{ value: initial.stationId, label: initial.stationName ?? "" }] : []} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="role" label={t("gasCyl.role")} rules={required}>
            <Select style={{ width: 120 }} options={options(STAFF_ROLE_LABELS)} />
          </Form.Item>
          <Form.Item name="certificateNo" label={t("gasCyl.certificateNo")} rules={required}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="certificateValidTo" label={t("gasCyl.certificateValidTo")} rules={required}>
            <DateInput />
          </Form.Item>
          <Form.Item name="active" label={t("gasCyl.active")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** 持证人员: fillers and delivery people with their certificates; a lapsed certificate is flagged. */
function StaffList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useStaff(lp.query);
  const [editing, setEditing] = useState<StaffDto | null | undefined>(undefined);
  return (
    <>
      <PageHeader title={t("gasCyl.menu.staff")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select allowClear aria-label={t("gasCyl.role")} placeholder={t("gasCyl.role")} style={{ width: 110 }} value={lp.get("role")} options={options(STAFF_ROLE_LABELS)} onChange={(role?: string) => lp.set({ role })} />
              <Select
                allowClear
                aria-label={t("gasCyl.certified")}
                placeholder={t("gasCyl.certified")}
                style={{ width: 120 }}
                value={lp.get("certified")}
                options={[
                  { value: "true", label: t("gasCyl.certified") },
                  { value: "false", label: t("gasCyl.notCertified") },
                ]}
                onChange={(certified?: string) => lp.set({ certified })}
              />
            </>
          }
          actions={
            <Space>
              <ExportButton basePath="/gas/staff" query={lp.query} />
              {can("gas.manage") && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                  {t("gasCyl.newStaff")}
                </Button>
              )}
            </Space>
          }
        />
        <ListError error={error} />
        <Table<StaffDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          columns={[
            { title: t("gasCyl.person"), dataIndex: "personName", key: "personName", sorter: true, sortOrder: lp.sortOrder("personName") },
            { title: t("gasCyl.role"), dataIndex: "role", width: 90, render: (v: string) => label(STAFF_ROLE_LABELS, v) },
            { title: t("gasCyl.enterprise"), dataIndex: "enterpriseName", ellipsis: true },
            { title: t("gasCyl.station"), dataIndex: "stationName", ellipsis: true },
            { title: t("gasCyl.certificateNo"), dataIndex: "certificateNo", width: 150 },
            { title: t("gasCyl.certificateValidTo"), dataIndex: "certificateValidTo", key: "certificateValidTo", sorter: true, sortOrder: lp.sortOrder("certificateValidTo"), width: 130 },
            { title: t("gasCyl.certified"), dataIndex: "certified", width: 100, render: (v: boolean) => (v ? <Tag color="success">{t("gasCyl.certified")}</Tag> : <Tag color="error">{t("gasCyl.notCertified")}</Tag>) },
            ...(can("gas.manage")
              ? [
                  {
                    title: t("common.actions"),
                    key: "actions",
                    width: 80,
                    render: (_: unknown, r: StaffDto) => (
                      <Button size="small" type="link" onClick={() => setEditing(r)}>
                        {t("common.edit")}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing !== undefined && <StaffForm initial={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

export default function StaffListPage() {
  return (
    <RequirePermission permission="gas.read">
      <StaffList />
    </RequirePermission>
  );
}
