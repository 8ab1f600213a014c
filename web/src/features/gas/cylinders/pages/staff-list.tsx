import { Form, Input, Select, Space, Switch, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { STAFF_ROLE_LABELS, type StaffDto, type StaffInput } from "@contracts/gas/station";
import { keys } from "../../../../api/query-keys";
import { useCan, useMe } from "../../../../auth/use-can";
import { DateInput } from "../../../../components/date-input";
import { FormModal, useRequired } from "../../../../components/form-modal";
import { ListPage } from "../../../../components/list-page";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchEnterprises } from "../../../registry/enterprises/api";
import { searchPersons } from "../../../registry/persons/api";
import { searchStations, useSaveStaff, useStaff } from "../api";
import { gasCylinderKeys } from "../keys";

const FIELDS = ["enterpriseId", "personId", "stationId", "role", "certificateNo", "certificateValidTo", "active"] as const;

function StaffForm({ initial, onClose }: { initial: StaffDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const me = useMe();
  const save = useSaveStaff(initial?.id);
  const required = useRequired();
  return (
    <FormModal<StaffInput>
      title={initial ? t("gasCyl.editStaff") : t("gasCyl.newStaff")}
      width={560}
      onClose={onClose}
      submit={(v) => save.mutateAsync({ ...v, stationId: v.stationId ?? null })}
      pending={save.isPending}
      fields={FIELDS}
      initialValues={initial ?? { role: "filler", active: true }}
    >
      {me.data?.role !== "gas_company" && !initial && (
        <Form.Item name="enterpriseId" label={t("gasCyl.enterprise")} extra={t("gasCyl.enterpriseHint")} rules={required}>
          <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} />
        </Form.Item>
      )}
      <Form.Item name="personId" label={t("gasCyl.person")} extra={t("gasCyl.pickPerson")} rules={required}>
        <RemoteSelect scope={keys.persons.all} fetchOptions={searchPersons} disabled={!!initial} knownOptions={initial ? [{ value: initial.personId, label: initial.personName }] : []} />
      </Form.Item>
      <Form.Item name="stationId" label={t("gasCyl.station")}>
        <RemoteSelect scope={gasCylinderKeys.stations.all} fetchOptions={searchStations} knownOptions={initial?.stationId ? [{ value: initial.stationId, label: initial.stationName ?? "" }] : []} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="role" label={t("gasCyl.role")} rules={required}>
          <Select style={{ width: 120 }} options={options(STAFF_ROLE_LABELS)} />
        </Form.Item>
        <Form.Item name="certificateNo" label={t("gasCyl.certificateNo")} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="certificateValidTo" label={t("gasCyl.certificateValidTo")} rules={required}>
          <DateInput />
        </Form.Item>
        <Form.Item name="active" label={t("gasCyl.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

/** 持证人员: fillers and delivery people with their certificates; a lapsed certificate is flagged. */
export default function StaffListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const manage = useCan()("gas.manage");
  return (
    <ListPage<StaffDto>
      title={t("gasCyl.menu.staff")}
      permission="gas.read"
      useRows={useStaff}
      exportPath="/gas/staff"
      edit={{ allowed: manage, createLabel: t("gasCyl.newStaff"), form: (row, close) => <StaffForm initial={row} onClose={close} /> }}
      filters={[
        { key: "role", label: t("gasCyl.role"), labels: STAFF_ROLE_LABELS, width: 110 },
        { key: "certified", label: t("gasCyl.certified"), bool: [t("gasCyl.certified"), t("gasCyl.notCertified")], width: 120 },
      ]}
      columns={[
        { title: t("gasCyl.person"), dataIndex: "personName", sorter: true },
        { title: t("gasCyl.role"), dataIndex: "role", width: 90, render: (v: string) => label(STAFF_ROLE_LABELS, v) },
        { title: t("gasCyl.enterprise"), dataIndex: "enterpriseName", ellipsis: true },
        { title: t("gasCyl.station"), dataIndex: "stationName", ellipsis: true },
        { title: t("gasCyl.certificateNo"), dataIndex: "certificateNo", width: 150 },
        { title: t("gasCyl.certificateValidTo"), dataIndex: "certificateValidTo", sorter: true, width: 130 },
        { title: t("gasCyl.certified"), dataIndex: "certified", width: 100, render: (v: boolean) => (v ? <Tag color="success">{t("gasCyl.certified")}</Tag> : <Tag color="error">{t("gasCyl.notCertified")}</Tag>) },
      ]}
    />
  );
}
