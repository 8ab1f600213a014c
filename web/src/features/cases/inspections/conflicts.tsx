import { useState } from "react";
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Table } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { shanghaiDay } from "@contracts/platform/time";
import type { CreateInspectorConflictInput, InspectorConflictDto } from "@contracts/cases/inspections";
import { keys } from "../../../api/query-keys";
import { useCan, useMe } from "../../../auth/use-can";
import { DateInput } from "../../../components/date-input";
import { showSaveError, errorText } from "../../../components/form-utils";
import { formatDate } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { PageHeader } from "../../../components/page-header";
import { RemoteSelect } from "../../../components/remote-select";
import { RequirePermission } from "../../../components/require-permission";
import { useListParams } from "../../../components/use-list-params";
import { searchUsers } from "../../admin/users/api";
import { searchEnterprises } from "../../registry/enterprises/api";
import { useConflicts, useDeclareConflict, useWithdrawConflict } from "./api";

const FIELDS = ["userId", "enterpriseId", "reason", "declaredOn"] as const;

/** 申报回避: the caller (or, for an admin, any inspector) and the enterprise they must not inspect. */
function DeclareForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<CreateInspectorConflictInput>();
  const declare = useDeclareConflict();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await declare.mutateAsync({ ...v, userId: v.userId || undefined });
      message.success(t("conflict.declared"));
      onClose();
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };
  const required = [{ required: true, message: t("common.required") }];
  return (
    <Modal open={open} title={t("conflict.declare")} okText={t("conflict.declare")} okButtonProps={{ loading: declare.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon title={t("conflict.hint")} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ declaredOn: shanghaiDay() }}>
        {can("admin.users") && (
          <Form.Item name="userId" label={t("conflict.user")}>
            <RemoteSelect scope={keys.users.all} fetchOptions={searchUsers} placeholder={t("conflict.user")} />
          </Form.Item>
        )}
        <Form.Item name="enterpriseId" label={t("conflict.enterprise")} rules={required}>
          <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} placeholder={t("conflict.enterprise")} />
        </Form.Item>
        <Form.Item name="reason" label={t("conflict.reason")} rules={[...required, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="declaredOn" label={t("conflict.declaredOn")}>
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 回避申报: inspectors' declared ties to enterprises, which the 双随机 draw honours. */
function Conflicts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const me = useMe();
  const lp = useListParams();
  const { data, isFetching, error } = useConflicts(lp.query);
  const withdraw = useWithdrawConflict();
  const [declaring, setDeclaring] = useState(false);
  const mayWithdraw = (c: InspectorConflictDto) => me.data?.role === "admin" || c.userId === me.data?.id;
  return (
    <>
      <PageHeader
        title={t("conflict.title")}
        actions={
          can("cases.inspect") && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)}>
              {t("conflict.declare")}
            </Button>
          )
        }
      />
      <Card size="small">
        <ListToolbar q={lp.q} onSearch={(q) => lp.set({ q })} onReset={lp.reset} />
        <ListError error={error} />
        <Table<InspectorConflictDto>
          rowKey="id"
          size="small"
          loading={isFetching && !data}
          dataSource={data?.items}
          columns={[
            { title: t("conflict.user"), dataIndex: "userName", width: 160 },
            { title: t("conflict.enterprise"), dataIndex: "enterpriseName", render: (v: string, c) => <Link to={`/enterprises/${c.enterpriseId}`}>{v}</Link> },
            { title: t("conflict.reason"), dataIndex: "reason", ellipsis: true },
            { title: t("conflict.declaredOn"), dataIndex: "declaredOn", width: 110, render: formatDate },
            {
              title: t("common.actions"),
              key: "actions",
              width: 90,
              render: (_: unknown, c) =>
                mayWithdraw(c) && (
                  <Popconfirm
                    title={t("common.remove") + "？"}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      withdraw.mutateAsync(c.id).then(
                        () => void message.success(t("common.saved")),
                        (e: unknown) => void message.error(errorText(e)),
                      )
                    }
                  >
                    <Button size="small" type="link" danger>
                      {t("common.remove")}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          locale={{ emptyText: t("conflict.empty") }}
        />
      </Card>
      <DeclareForm open={declaring} onClose={() => setDeclaring(false)} />
    </>
  );
}

export default function ConflictsPage() {
  return (
    <RequirePermission permission="cases.read">
      <Conflicts />
    </RequirePermission>
  );
}
