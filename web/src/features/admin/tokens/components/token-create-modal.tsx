import { App, DatePicker, Form, Input, Modal } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { CreateApiTokenInput, type CreatedApiTokenDto } from "@contracts/platform/auth";
import { keys } from "../../../../api/query-keys";
import { zodRule, showSaveError } from "../../../../components/form-utils";
import { RemoteSelect } from "../../../../components/remote-select";
import { searchUsers } from "../../users/api";
import { useCreateToken } from "../api";

interface Values {
  name: string;
  userId: string;
  expiresAt?: Dayjs | null;
}

/** 新建 API 令牌: name, the user it acts as, optional expiry (end of the chosen day). */
export function TokenCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (t: CreatedApiTokenDto) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();

  const submit = async (v: Values) => {
    try {
      const tok = await create.mutateAsync({ name: v.name, userId: v.userId, expiresAt: v.expiresAt ? v.expiresAt.endOf("day").toISOString() : undefined });
      form.resetFields();
      onCreated(tok);
    } catch (e) {
      showSaveError(form, e, ["name", "userId", "expiresAt"], message);
    }
  };

  const required = { required: true, message: t("common.required") };
  return (
    <Modal open={open} title={t("token.createTitle")} onCancel={onClose} onOk={() => form.submit()} okText={t("common.save")} okButtonProps={{ loading: create.isPending }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t("token.name")} rules={[required, zodRule(CreateApiTokenInput.shape.name)]}>
          <Input placeholder="扬尘监测网关 / dust gateway" />
        </Form.Item>
        <Form.Item name="userId" label={t("token.user")} rules={[required]}>
          <RemoteSelect scope={keys.users.all} fetchOptions={searchUsers} placeholder={t("token.pickUser")} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t("token.expiresAt")}>
          <DatePicker style={{ width: "100%" }} placeholder={t("token.never")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
