import { useMemo } from "react";
import { Form, Input, Select } from "antd";
import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CreateUserInput, DOMAINS, ENTERPRISE_BOUND_ROLES, ROLES, type Role, type UserDto } from "@contracts/platform/auth";
import type { ProjectDto } from "@contracts/registry/project";
import { api } from "../../../../api/client";
import { keys } from "../../../../api/query-keys";
import { FormModal } from "../../../../components/form-modal";
import { zodRule } from "../../../../components/form-utils";
import { RemoteSelect } from "../../../../components/remote-select";
import { searchEnterprises } from "../../../registry/enterprises/api";
import { searchProjects } from "../../../registry/projects/api";
import { useSaveUser } from "../api";

type Values = CreateUserInput;
const NO_IDS: readonly string[] = [];
const FIELDS = ["username", "displayName", "password", "role", "domain", "enterpriseId", "projectIds"] as const;

/** Names of the projects an existing user is bound to, so the picker shows them rather than ids. */
function useProjectOptions(ids: readonly string[]) {
  const results = useQueries({ queries: ids.map((id) => ({ queryKey: keys.projects.detail(id), queryFn: () => api<ProjectDto>(`/projects/${id}`), staleTime: 60_000 })) });
  const names = results.map((r) => (r.data ? `${r.data.code} ${r.data.name}` : null));
  // useQueries returns a new array each render; memoise on the loaded names instead.
  const key = names.join("|");
  return useMemo(() => ids.map((id, i) => ({ value: id, label: names[i] ?? id })), [ids, key]);
}

/**
 * 新建 / 编辑用户. The role decides which scope fields apply: inspectors a 监管领域, enterprise-bound
 * roles an enterprise, project users their projects; fields that do not apply are sent as empty.
 */
export function UserForm({ open, onClose, user }: { open: boolean; onClose: () => void; user?: UserDto }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch("role", form) as Role | undefined;
  const save = useSaveUser(user?.id);
  const projectOptions = useProjectOptions(user?.projectIds ?? NO_IDS);
  const enterpriseOptions = useMemo(() => (user?.enterpriseId ? [{ value: user.enterpriseId, label: user.enterpriseName ?? user.enterpriseId }] : []), [user]);

  const submit = (v: Values) => {
    const bound = ENTERPRISE_BOUND_ROLES.includes(v.role);
    const scope = {
      role: v.role,
      domain: v.role === "inspector" ? (v.domain ?? null) : null,
      enterpriseId: bound ? (v.enterpriseId ?? null) : null,
      projectIds: v.role === "project" ? (v.projectIds ?? []) : [],
    };
    return user ? save.mutateAsync({ displayName: v.displayName, ...(v.password ? { password: v.password } : {}), ...scope }) : save.mutateAsync({ username: v.username, displayName: v.displayName, password: v.password, ...scope });
  };

  const shape = CreateUserInput.shape;
  const required = { required: true, message: t("common.required") };
  return (
    <FormModal<Values>
      drawer
      form={form}
      open={open}
      onClose={onClose}
      title={t(user ? "user.editTitle" : "user.createTitle")}
      width={520}
      submit={submit}
      pending={save.isPending}
      fields={FIELDS}
      success={t(user ? "common.saved" : "common.created")}
      initialValues={user ? { ...user, password: "" } : { role: "inspector", projectIds: [] }}
    >
      <Form.Item name="username" label={t("user.username")} rules={user ? [] : [required, zodRule(shape.username)]}>
        <Input disabled={!!user} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t("user.displayName")} rules={[required, zodRule(shape.displayName)]}>
        <Input />
      </Form.Item>
      <Form.Item name="password" label={t(user ? "user.newPassword" : "user.password")} rules={user ? [zodRule(shape.password)] : [required, zodRule(shape.password)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="role" label={t("user.role")} rules={[required]}>
        <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </Form.Item>
      {role === "inspector" && (
        <Form.Item name="domain" label={t("user.domain")}>
          <Select allowClear options={DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) }))} />
        </Form.Item>
      )}
      {role && ENTERPRISE_BOUND_ROLES.includes(role) && (
        <Form.Item name="enterpriseId" label={t("user.enterprise")} rules={[required]}>
          <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} knownOptions={enterpriseOptions} placeholder={t("person.pickEnterprise")} />
        </Form.Item>
      )}
      {role === "project" && (
        <Form.Item name="projectIds" label={t("user.projects")} rules={[required]}>
          <RemoteSelect mode="multiple" scope={keys.projects.all} fetchOptions={searchProjects} knownOptions={projectOptions} placeholder={t("user.pickProjects")} />
        </Form.Item>
      )}
    </FormModal>
  );
}
