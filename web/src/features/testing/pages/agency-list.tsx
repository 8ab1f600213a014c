import { Col, Form, Input, Row, Select, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { AgencyDto, AgencyInput } from "@contracts/testing/commission";
import { AGENCY_LEVEL_LABELS, SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import { keys } from "../../../api/query-keys";
import { useCan, useMe } from "../../../auth/use-can";
import { DateInput } from "../../../components/date-input";
import { FormModal, useRequired } from "../../../components/form-modal";
import { formatDate } from "../../../components/format";
import { ListPage } from "../../../components/list-page";
import { RemoteSelect } from "../../../components/remote-select";
import { useLabels } from "../../../i18n/labels";
import { searchEnterprises } from "../../registry/enterprises/api";
import { useAgencies, useFileAgency } from "../api";

const FIELDS = ["enterpriseId", "qualificationNo", "level", "scopes", "validTo"] as const;

/** 登记资质: an enterprise of type 检测机构, its certificate, class, scope and validity (bureau only). */
function AgencyForm({ initial, onClose }: { initial: (Partial<AgencyInput> & { name?: string }) | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const file = useFileAgency();
  const required = useRequired();
  return (
    <FormModal<AgencyInput> title={t("testing.fileAgency")} width={640} onClose={onClose} submit={file.mutateAsync} pending={file.isPending} fields={FIELDS} initialValues={initial ?? { level: "special", scopes: ["concrete"] }}>
      <Form.Item name="enterpriseId" label={t("testing.enterprise")} rules={required}>
        <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} disabled={!!initial?.enterpriseId} knownOptions={initial?.enterpriseId ? [{ value: initial.enterpriseId, label: initial.name ?? initial.enterpriseId }] : []} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="qualificationNo" label={t("testing.agencyQualification")} rules={required}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="level" label={t("testing.level")} rules={required}>
            <Select options={options(AGENCY_LEVEL_LABELS)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="scopes" label={t("testing.scopes")} rules={required}>
        <Select mode="multiple" options={options(SAMPLE_TYPE_LABELS)} />
      </Form.Item>
      <Form.Item name="validTo" label={t("testing.validTo")} rules={required}>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

/** 检测机构: qualified agencies with scope and validity; the bureau files and renews them. */
export default function AgencyListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const me = useMe();
  const bureau = can("registry.enterprise.update") && ["admin", "inspector"].includes(me.data?.role ?? "");
  return (
    <ListPage<AgencyDto>
      title={t("testing.menu.agencies")}
      permission="testing.read"
      useRows={useAgencies}
      rowKey="enterpriseId"
      edit={{
        allowed: bureau,
        createLabel: t("testing.fileAgency"),
        form: (row, close) => <AgencyForm initial={row && { enterpriseId: row.enterpriseId, name: row.name, qualificationNo: row.qualificationNo, level: row.level, scopes: row.scopes, validTo: row.validTo }} onClose={close} />,
      }}
      filters={[
        { key: "level", label: t("testing.level"), labels: AGENCY_LEVEL_LABELS, width: 110 },
        { key: "scope", label: t("testing.scopes"), labels: SAMPLE_TYPE_LABELS, width: 140 },
        { key: "valid", label: t("testing.valid"), bool: [t("testing.valid"), t("testing.invalid")], width: 100 },
      ]}
      columns={[
        { title: t("testing.agency"), dataIndex: "name", ellipsis: true },
        { title: t("testing.agencyQualification"), dataIndex: "qualificationNo", width: 160 },
        { title: t("testing.level"), dataIndex: "level", width: 90, render: (v: string) => label(AGENCY_LEVEL_LABELS, v) },
        { title: t("testing.scopes"), dataIndex: "scopes", render: (s: string[]) => s.map((x) => <Tag key={x}>{label(SAMPLE_TYPE_LABELS, x)}</Tag>) },
        { title: t("testing.validTo"), dataIndex: "validTo", width: 110, render: formatDate },
        { title: t("testing.state"), dataIndex: "valid", width: 80, render: (v: boolean) => (v ? <Tag color="success">{t("testing.valid")}</Tag> : <Tag color="error">{t("testing.invalid")}</Tag>) },
        { title: t("testing.commissionsCount"), dataIndex: "commissions", width: 80, align: "right" },
      ]}
    />
  );
}
