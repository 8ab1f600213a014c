import { useState } from "react";
import { Button, Form, InputNumber, Popconfirm, Select, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { EXPERT_SPECIALTY_LABELS, EXPERT_TITLE_LABELS, type CreateExpertInput, type ExpertDto } from "@contracts/safety/experts";
import { keys } from "../../../api/query-keys";
import { useMe } from "../../../auth/use-can";
import { FormModal, useRequired } from "../../../components/form-modal";
import { actionColumn, ListPage } from "../../../components/list-page";
import { RemoteSelect } from "../../../components/remote-select";
import { useLabels } from "../../../i18n/labels";
import { searchPersons } from "../../registry/persons/api";
import { useCreateExpert, useExperts, useUpdateExpert } from "../api";

const CITY_WIDE = new Set(["admin", "leader", "inspector"]);

function ExpertForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const create = useCreateExpert();
  const required = useRequired();
  return (
    <FormModal<CreateExpertInput>
      title={t("safety.newExpert")}
      onClose={onClose}
      submit={create.mutateAsync}
      pending={create.isPending}
      fields={["personId", "specialty", "title", "years"]}
      success={t("common.created")}
      initialValues={{ title: "senior", years: 15 }}
    >
      <Form.Item name="personId" label={t("safety.person")} rules={required}>
        <RemoteSelect scope={keys.persons.all} fetchOptions={searchPersons} />
      </Form.Item>
      <Form.Item name="specialty" label={t("safety.specialty")} rules={required}>
        <Select options={options(EXPERT_SPECIALTY_LABELS)} />
      </Form.Item>
      <Form.Item name="title" label={t("safety.title")} rules={required}>
        <Select options={options(EXPERT_TITLE_LABELS)} />
      </Form.Item>
      <Form.Item name="years" label={t("safety.years")} rules={required} extra={t("safety.expertRule")}>
        <InputNumber min={0} max={70} style={{ width: "100%" }} />
      </Form.Item>
    </FormModal>
  );
}

/** 专家库: the government pool for 超危大 expert reviews; the bureau adds, deactivates and re-activates experts. */
export default function ExpertList() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { data: me } = useMe();
  const update = useUpdateExpert();
  const [adding, setAdding] = useState(false);
  const manage = !!me && me.permissions.includes("safety.manage") && CITY_WIDE.has(me.role);

  return (
    <ListPage<ExpertDto>
      title={t("safety.menu.experts")}
      permission="safety.read"
      useRows={useExperts}
      create={manage && { label: t("safety.newExpert"), onClick: () => setAdding(true) }}
      filters={[{ key: "specialty", label: t("safety.specialty"), labels: EXPERT_SPECIALTY_LABELS, width: 150 }]}
      columns={[
        { title: t("safety.person"), dataIndex: "name", width: 120 },
        { title: t("safety.employer"), dataIndex: "enterpriseName", ellipsis: true, render: (v: string | null) => v ?? "—" },
        { title: t("safety.specialty"), dataIndex: "specialty", width: 120, render: (v: string) => label(EXPERT_SPECIALTY_LABELS, v) },
        { title: t("safety.title"), dataIndex: "title", width: 130, render: (v: string) => label(EXPERT_TITLE_LABELS, v) },
        { title: t("safety.years"), dataIndex: "years", width: 90 },
        { title: t("safety.active"), dataIndex: "active", width: 80, render: (v: boolean) => (v ? <Tag color="success">{t("common.yes")}</Tag> : <Tag>{t("common.no")}</Tag>) },
        ...actionColumn<ExpertDto>(
          manage,
          t,
          (r) => (
            <Popconfirm title={`${r.active ? t("safety.deactivate") : t("safety.activate")}：${r.name}？`} onConfirm={() => update.mutateAsync({ id: r.id, active: !r.active })}>
              <Button size="small" type="link" danger={r.active}>
                {r.active ? t("safety.deactivate") : t("safety.activate")}
              </Button>
            </Popconfirm>
          ),
          100,
        ),
      ]}
    >
      {adding && <ExpertForm onClose={() => setAdding(false)} />}
    </ListPage>
  );
}
