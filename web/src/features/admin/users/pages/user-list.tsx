import { useState } from "react";
import { App, Button, Popconfirm, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { ROLES, type UserDto } from "@contracts/platform/auth";
import { errorText } from "../../../../components/form-utils";
import { formatDateTime } from "../../../../components/format";
import { actionColumn, ListPage, RowActions } from "../../../../components/list-page";
import { useSetUserActive, useUsers } from "../api";
import { UserForm } from "../components/user-form";

/** 用户管理: accounts with role and scope; create, edit, deactivate / reactivate. */
export default function UserListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
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
    <ListPage<UserDto>
      title={t("menu.users")}
      permission="admin.users"
      create={{ onClick: () => setEditing("new") }}
      useRows={useUsers}
      filters={[{ key: "role", label: t("user.role"), options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })), width: 140 }]}
      columns={[
        { title: t("user.username"), dataIndex: "username", width: 140 },
        { title: t("user.displayName"), dataIndex: "displayName", width: 120 },
        { title: t("user.role"), dataIndex: "role", width: 110, render: (v: UserDto["role"]) => <Tag color={v === "admin" ? "red" : "blue"}>{t(`roles.${v}`)}</Tag> },
        { title: t("user.domain"), dataIndex: "domain", width: 100, render: (v: UserDto["domain"]) => (v ? t(`domains.${v}`) : "—") },
        { title: t("user.enterprise"), dataIndex: "enterpriseName", ellipsis: true, render: (v: string | null) => v ?? "—" },
        { title: t("user.projects"), dataIndex: "projectIds", width: 90, align: "right", render: (v: string[]) => v.length || "—" },
        { title: t("user.isActive"), dataIndex: "isActive", width: 80, render: (v: boolean) => <Tag color={v ? "green" : "default"}>{t(v ? "user.active" : "user.inactive")}</Tag> },
        { title: t("user.lastLoginAt"), dataIndex: "lastLoginAt", width: 140, render: formatDateTime },
        ...actionColumn<UserDto>(
          true,
          t,
          (u) => (
            <RowActions>
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
            </RowActions>
          ),
          130,
        ),
      ]}
    >
      <UserForm open={editing !== null} user={editing === "new" ? undefined : (editing ?? undefined)} onClose={() => setEditing(null)} />
    </ListPage>
  );
}
