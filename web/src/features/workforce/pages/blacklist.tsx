import { useState } from "react";
import { App, Button, Card, Col, Form, Input, Modal, Popconfirm, Row, Select, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { shanghaiDay } from "@contracts/workforce/presence";
import type { BlacklistEntryDto, BlacklistInput } from "@contracts/workforce/workers";
import { keys } from "../../../api/query-keys";
import { useCan } from "../../../auth/use-can";
import { DateInput } from "../../../components/date-input";
import { showSaveError, errorText } from "../../../components/form-utils";
import { formatDate, formatDateTime, orDash } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { PageHeader } from "../../../components/page-header";
import { RemoteSelect } from "../../../components/remote-select";
import { RequirePermission } from "../../../components/require-permission";
import { useListParams } from "../../../components/use-list-params";
import { searchPersons } from "../../registry/persons/api";
import { useAddBlacklist, useBlacklist, useRevokeBlacklist } from "../api";

const FIELDS = ["personId", "reason", "validFrom", "validTo"] as const;

/** 加入黑名单: a registry person, the reason and the validity (open-ended when no end date). */
function BlacklistForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BlacklistInput>();
  const add = useAddBlacklist();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await add.mutateAsync({ ...values, validTo: values.validTo || null });
      message.success(t("common.saved"));
      form.resetFields();
      onClose();
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };
  const required = [{ required: true, message: t("common.required") }];
  return (
    <Modal open={open} title={t("workforce.blacklistAdd")} width={600} okText={t("common.save")} okButtonProps={{ loading: add.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ validFrom: shanghaiDay() }}>
        <Form.Item name="personId" label={t("workforce.person")} rules={required}>
          <RemoteSelect scope={keys.persons.all} fetchOptions={searchPersons} placeholder={t("workforce.pickPerson")} />
        </Form.Item>
        <Form.Item name="reason" label={t("workforce.reason")} rules={[...required, { min: 2, max: 300 }]}>
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="validFrom" label={t("workforce.validFrom")} rules={required}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="validTo" label={t("workforce.validTo")} extra={t("workforce.validToHint")}>
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** 黑名单: city-wide entries that block admission everywhere; add and revoke need workforce.blacklist. */
function Blacklist() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const manage = can("workforce.blacklist");
  const lp = useListParams();
  const { data, isFetching, error } = useBlacklist(lp.query);
  const revoke = useRevokeBlacklist();
  const [adding, setAdding] = useState(false);

  const state = (e: BlacklistEntryDto) =>
    e.revokedAt ? <Tag>{t("workforce.revoked")}</Tag> : e.active ? <Tag color="red">{t("workforce.active")}</Tag> : <Tag>{t("workforce.inactive")}</Tag>;

  return (
    <>
      <PageHeader title={t("menu.wfBlacklist")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <Select
              allowClear
              aria-label={t("workforce.status")}
              placeholder={t("workforce.status")}
              style={{ width: 120 }}
              value={lp.get("active")}
              options={[
                { value: "true", label: t("workforce.active") },
                { value: "false", label: `${t("workforce.revoked")} / ${t("workforce.inactive")}` },
              ]}
              onChange={(active?: string) => lp.set({ active })}
            />
          }
          actions={
            manage && (
              <Button type="primary" danger icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t("workforce.blacklistAdd")}
              </Button>
            )
          }
        />
        <ListError error={error} />
        <Table<BlacklistEntryDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          columns={[
            { title: t("workforce.name"), dataIndex: "name", width: 100 },
            { title: t("workforce.idNumber"), dataIndex: "idNumber", width: 170, render: (v: string) => <span style={{ fontFamily: "monospace" }}>{v}</span> },
            { title: t("workforce.reason"), dataIndex: "reason", ellipsis: true },
            { title: t("workforce.validFrom"), dataIndex: "validFrom", width: 110, render: formatDate },
            { title: t("workforce.validTo"), dataIndex: "validTo", width: 110, render: (v: string | null) => v ?? t("workforce.validToOpen") },
            { title: t("workforce.status"), key: "state", width: 90, render: (_, e) => state(e) },
            { title: t("workforce.createdAt"), dataIndex: "createdAt", width: 150, render: formatDateTime },
            { title: t("workforce.createdBy"), dataIndex: "createdBy", width: 100, render: orDash },
            ...(manage
              ? [
                  {
                    title: t("common.actions"),
                    key: "actions",
                    width: 80,
                    render: (_: unknown, e: BlacklistEntryDto) =>
                      !e.revokedAt && (
                        <Popconfirm
                          title={t("workforce.revokeConfirm", { name: e.name })}
                          onConfirm={() =>
                            revoke.mutateAsync(e.id).then(
                              () => void message.success(t("common.saved")),
                              (err: unknown) => void message.error(errorText(err)),
                            )
                          }
                        >
                          <Button size="small" type="link">
                            {t("workforce.revoke")}
                          </Button>
                        </Popconfirm>
                      ),
                  },
                ]
              : []),
          ]}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: 1100 }}
        />
      </Card>
      <BlacklistForm open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

export default function BlacklistPage() {
  return (
    <RequirePermission permission="workforce.read">
      <Blacklist />
    </RequirePermission>
  );
}
