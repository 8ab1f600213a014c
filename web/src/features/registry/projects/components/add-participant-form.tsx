import { App, Button, Form, Select } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { PARTICIPANT_ROLE_LABELS } from "@contracts/registry/enums";
import type { AddParticipantInput } from "@contracts/registry/project";
import { keys } from "../../../../api/query-keys";
import { applyServerErrors, errorText } from "../../../../components/form-utils";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchEnterprises } from "../../enterprises/api";
import { useAddParticipant } from "../api";

/** Inline 添加参建单位: enterprise picker + role; a missing/expired 资质 comes back on the enterprise field. */
export function AddParticipantForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddParticipantInput>();
  const add = useAddParticipant(projectId);

  const submit = async (values: AddParticipantInput) => {
    try {
      await add.mutateAsync(values);
      message.success(t("common.saved"));
      form.resetFields();
    } catch (e) {
      if (!applyServerErrors(form, e, ["enterpriseId", "role"])) form.setFields([{ name: "enterpriseId", errors: [errorText(e)] }]);
    }
  };

  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 12, rowGap: 8 }}>
      <Form.Item name="enterpriseId" label={t("participant.enterprise")} rules={[{ required: true, message: t("common.required") }]} style={{ width: 460 }}>
        <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} placeholder={t("participant.pickEnterprise")} />
      </Form.Item>
      <Form.Item name="role" label={t("participant.role")} rules={[{ required: true, message: t("common.required") }]}>
        <Select options={options(PARTICIPANT_ROLE_LABELS)} style={{ width: 160 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
        {t("participant.add")}
      </Button>
    </Form>
  );
}
