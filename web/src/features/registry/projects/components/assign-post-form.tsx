import { Form, Select } from "antd";
import { UserAddOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { POST_LABELS } from "@contracts/registry/enums";
import type { AssignPostInput } from "@contracts/registry/project";
import { keys } from "../../../../api/query-keys";
import { DateInput } from "../../../../components/date-input";
import { InlineForm } from "../../../../components/form-modal";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchPersons } from "../../persons/api";
import { useAssignPost } from "../api";

/**
 * Inline 任命岗位: person picker + post + start date. Rule failures (certificate missing or expired,
 * already project manager elsewhere) come back naming `personId` and show under the picker.
 */
export function AssignPostForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const assign = useAssignPost(projectId);

  return (
    <InlineForm<AssignPostInput>
      submit={(v) => assign.mutateAsync({ ...v, startedOn: v.startedOn || undefined })}
      fields={["personId", "post", "startedOn"]}
      fallbackField="personId"
      pending={assign.isPending}
      buttonText={t("post.assign")}
      buttonIcon={<UserAddOutlined />}
    >
      <Form.Item name="personId" label={t("post.person")} rules={[{ required: true, message: t("common.required") }]} style={{ width: 460 }}>
        <RemoteSelect scope={keys.persons.all} fetchOptions={searchPersons} placeholder={t("post.pickPerson")} />
      </Form.Item>
      <Form.Item name="post" label={t("post.post")} rules={[{ required: true, message: t("common.required") }]}>
        <Select options={options(POST_LABELS)} style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="startedOn" label={t("post.startedOn")}>
        <DateInput />
      </Form.Item>
    </InlineForm>
  );
}
