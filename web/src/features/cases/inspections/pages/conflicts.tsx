import { useState } from "react";
import { Alert, App, Button, Form, Input, Popconfirm } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { shanghaiDay } from "@contracts/platform/time";
import type { CreateInspectorConflictInput, InspectorConflictDto } from "@contracts/cases/inspections";
import { keys } from "../../../../api/query-keys";
import { useCan, useMe } from "../../../../auth/use-can";
import { DateInput } from "../../../../components/date-input";
import { FormModal, useRequired } from "../../../../components/form-modal";
import { errorText } from "../../../../components/form-utils";
import { formatDate } from "../../../../components/format";
import { actionColumn, ListPage } from "../../../../components/list-page";
import { RemoteSelect } from "../../../../components/remote-select";
import { searchUsers } from "../../../admin/users/api";
import { searchEnterprises } from "../../../registry/enterprises/api";
import { useConflicts, useDeclareConflict, useWithdrawConflict } from "../api";

const FIELDS = ["userId", "enterpriseId", "reason", "declaredOn"] as const;

/** 申报回避: the caller (or, for an admin, any inspector) and the enterprise they must not inspect. */
function DeclareForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const declare = useDeclareConflict();
  const required = useRequired();
  return (
    <FormModal<CreateInspectorConflictInput>
      open={open}
      title={t("conflict.declare")}
      okText={t("conflict.declare")}
      onClose={onClose}
      submit={(v) => declare.mutateAsync({ ...v, userId: v.userId || undefined })}
      pending={declare.isPending}
      fields={FIELDS}
      success={t("conflict.declared")}
      intro={<Alert type="info" showIcon title={t("conflict.hint")} style={{ marginBottom: 12 }} />}
      initialValues={{ declaredOn: shanghaiDay() }}
    >
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
    </FormModal>
  );
}

/** 回避申报: inspectors' declared ties to enterprises, which the 双随机 draw honours. */
export default function ConflictsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const me = useMe();
  const withdraw = useWithdrawConflict();
  const [declaring, setDeclaring] = useState(false);
  const mayWithdraw = (c: InspectorConflictDto) => me.data?.role === "admin" || c.userId === me.data?.id;
  return (
    <ListPage<InspectorConflictDto>
      title={t("conflict.title")}
      permission="cases.read"
      create={can("cases.inspect") && { label: t("conflict.declare"), inHeader: true, onClick: () => setDeclaring(true) }}
      useRows={useConflicts}
      emptyText={t("conflict.empty")}
      columns={[
        { title: t("conflict.user"), dataIndex: "userName", width: 160 },
        { title: t("conflict.enterprise"), dataIndex: "enterpriseName", render: (v: string, c) => <Link to={`/enterprises/${c.enterpriseId}`}>{v}</Link> },
        { title: t("conflict.reason"), dataIndex: "reason", ellipsis: true },
        { title: t("conflict.declaredOn"), dataIndex: "declaredOn", width: 110, render: formatDate },
        ...actionColumn<InspectorConflictDto>(
          true,
          t,
          (c) =>
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
          90,
        ),
      ]}
    >
      <DeclareForm open={declaring} onClose={() => setDeclaring(false)} />
    </ListPage>
  );
}
