import { useState } from "react";
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { ROLES, type UserDto } from "@contracts/platform/auth";
import { formatDateTime } from "../../../../components/format";
import { ListToolbar } from "../../../../components/list-toolbar";
import { ListError } from "../../../../components/list-error";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useSetUserActive, useUsers } from "../api";
import { UserForm } from "../components/user-form";
import { errorText } from "../../../../components/form-utils";

/** 用户管理: accounts with role and scope; create, edit, deactivate / reactivate. */
function UserList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lp = useListParams();
  const { data, isFetching, error } = useUsers(lp.query);
  const setActive = useSetUserActive();
  const [editing, setEditing] = useState<UserDto | "new" | null>(null);

  const toggle = async (u: UserDto) => {
    try {
      await setActive.mutateAsync({ id: u.id, isActive: !u.isActive });
      message.success(t("common.saved"));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader title={t("menu.users")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={() => lp.set({ q: "", role: "" })}
          filters={<Select allowClear aria-label={t("user.role")} placeholder={t("user.role")} style={{ width: 140 }} value={lp.get("role")} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} onChange={(v) => lp.set({ role: v })} />}
          actions={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
              {t("common.create")}
            </Button>
          }
        />
        <ListError error={error} />
        <Table<UserDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          columns={[
            { title: t("user.username"), dataIndex: "username", width: 140 },
            { title: t("user.displayName"), dataIndex: "displayName", width: 120 },
            { title: t("user.role"), dataIndex: "role", width: 110, render: (v: UserDto["role"]) => <Tag color={v === "admin" ? "red" : "blue"}>{t(`roles.${v}`)}</Tag> },
            { title: t("user.domain"), dataIndex: "domain", width: 100, render: (v: UserDto["domain"]) => (v ? t(`domains.${v}`) : "—") },
            { title: t("user.enterprise"), dataIndex: "enterpriseName", ellipsis: true, render: (v: string | null) => v ?? "—" },
            { title: t("user.projects"), dataIndex: "projectIds", width: 90, align: "right", render: (v: string[]) => v.length || "—" },
            { title: t("user.isActive"), dataIndex: "isActive", width: 80, render: (v: boolean) => <Tag color={v ? "green" : "default"}>{t(v ? "user.active" : "user.inactive")}</Tag> },
            { title: t("user.lastLoginAt"), dataIndex: "lastLoginAt", width: 140, render: formatDateTime },
            {
              title: t("common.actions"),
              key: "actions",
              width: 130,
              render: (_: unknown, u) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    {t("common.edit")}
                  </Button>
                  {u.isActive ? (
                    <Popconfirm title={t("user.deactivateConfirm")} onConfirm={() => toggle(u)} okButtonProps={{ danger: true }}>
                      <Button type="link" size="small" danger>
                        {t("user.deactivate")}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button type="link" size="small" onClick={() => void toggle(u)}>
                      {t("user.activate")}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <UserForm open={editing !== null} user={editing === "new" ? undefined : (editing ?? undefined)} onClose={() => setEditing(null)} />
    </>
  );
}

/** Route entry: only for users with `admin.users`. */
export default function UserListPage() {
  return (
    <RequirePermission permission="admin.users">
      <UserList />
    </RequirePermission>
  );
}
