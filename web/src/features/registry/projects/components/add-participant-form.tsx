import { Form, Select } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { PARTICIPANT_ROLE_LABELS } from "@contracts/registry/enums";
import type { AddParticipantInput } from "@contracts/registry/project";
import { keys } from "../../../../api/query-keys";
import { InlineForm } from "../../../../components/form-modal";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchEnterprises } from "../../enterprises/api";
import { useAddParticipant } from "../api";

/** Inline 添加参建单位: enterprise picker + role; a missing/expired 资质 comes back on the enterprise field. */
export function AddParticipantForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const add = useAddParticipant(projectId);

  return (
    <InlineForm<AddParticipantInput> submit={add.mutateAsync} fields={["enterpriseId", "role"]} fallbackField="enterpriseId" pending={add.isPending} buttonText={t("participant.add")} buttonIcon={<PlusOutlined />}>
      <Form.Item name="enterpriseId" label={t("participant.enterprise")} rules={[{ required: true, message: t("common.required") }]} style={{ width: 460 }}>
        <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} placeholder={t("participant.pickEnterprise")} />
      </Form.Item>
      <Form.Item name="role" label={t("participant.role")} rules={[{ required: true, message: t("common.required") }]}>
        <Select options={options(PARTICIPANT_ROLE_LABELS)} style={{ width: 160 }} />
      </Form.Item>
    </InlineForm>
  );
}
