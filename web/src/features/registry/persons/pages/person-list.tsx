import { useState } from "react";
import { Button, Card, Select, Table } from "antd";
import { ImportOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { CERTIFICATE_KIND_LABELS, EXPIRY_STATES } from "@contracts/registry/enums";
import { keys } from "../../../../api/query-keys";
import { useCan } from "../../../../app/auth";
import { ExportButton } from "../../../../components/export-button";
import { ImportModal } from "../../../../components/import-modal";
import { ListToolbar } from "../../../../components/list-toolbar";
import { ListError } from "../../../../components/list-error";
import { PageHeader } from "../../../../components/page-header";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { usePersons } from "../api";
import { usePersonColumns } from "../columns";
import { PersonForm } from "../components/person-form";

/** 人员库: list with certificate kind/expiry and gender filters, export, import and create. */
export default function PersonListPage() {
  const { t } = useTranslation();
  const { options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = usePersons(lp.query);
  const columns = usePersonColumns(lp.sortOrder);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader title={t("menu.persons")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={() => lp.set({ q: "", certificateKind: "", certificateExpiry: "", gender: "", employerId: "", sort: "" })}
          filters={
            <>
              <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("person.certificateKind")} placeholder={t("person.certificateKind")} style={{ minWidth: 200 }} value={lp.getList("certificateKind")} options={options(CERTIFICATE_KIND_LABELS)} onChange={(v) => lp.set({ certificateKind: v })} />
              <Select allowClear aria-label={t("person.certificateExpiry")} placeholder={t("person.certificateExpiry")} style={{ width: 130 }} value={lp.get("certificateExpiry")} options={EXPIRY_STATES.map((s) => ({ value: s, label: t(`expiry.${s}`) }))} onChange={(v) => lp.set({ certificateExpiry: v })} />
              <Select allowClear aria-label={t("person.gender")} placeholder={t("person.gender")} style={{ width: 100 }} value={lp.get("gender")} options={(["M", "F"] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))} onChange={(v) => lp.set({ gender: v })} />
            </>
          }
          actions={
            <>
              {can("registry.person.create") && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t("common.create")}
                </Button>
              )}
              {can("registry.import") && (
                <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                  {t("common.import")}
                </Button>
              )}
              <ExportButton basePath="/persons" query={lp.query} />
            </>
          }
        />
        <ListError error={error} />
        <Table
          rowKey="id"
          size="small"
          loading={isFetching}
          columns={columns}
          dataSource={data?.items}
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: 1160 }}
        />
      </Card>
      <ImportModal open={importing} onClose={() => setImporting(false)} basePath="/persons" entity={t("person.entity")} invalidate={keys.persons.all} />
      <PersonForm open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
