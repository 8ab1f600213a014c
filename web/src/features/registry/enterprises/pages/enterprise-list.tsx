import { useState } from "react";
import { Button, Card, Select, Table } from "antd";
import { ImportOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { ENTERPRISE_STATUS_LABELS, ENTERPRISE_TYPE_LABELS, EXPIRY_STATES, YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { keys } from "../../../../api/query-keys";
import { useCan } from "../../../../app/auth";
import { ExportButton } from "../../../../components/export-button";
import { ImportModal } from "../../../../components/import-modal";
import { ListToolbar } from "../../../../components/list-toolbar";
import { ListError } from "../../../../components/list-error";
import { PageHeader } from "../../../../components/page-header";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useEnterprises } from "../api";
import { useEnterpriseColumns } from "../columns";
import { EnterpriseForm } from "../components/enterprise-form";

/** 企业库: list with type/status/district/qualification-expiry filters, export, import and create. */
export default function EnterpriseListPage() {
  const { t } = useTranslation();
  const { options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useEnterprises(lp.query);
  const columns = useEnterpriseColumns(lp.sortOrder);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader title={t("menu.enterprises")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={() => lp.set({ q: "", type: "", status: "", district: "", qualificationExpiry: "", sort: "" })}
          filters={
            <>
              <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("list.filterType")} placeholder={t("list.filterType")} style={{ minWidth: 130 }} value={lp.getList("type")} options={options(ENTERPRISE_TYPE_LABELS)} onChange={(v) => lp.set({ type: v })} />
              <Select mode="multiple" allowClear maxTagCount="responsive" aria-label={t("list.filterStatus")} placeholder={t("list.filterStatus")} style={{ minWidth: 110 }} value={lp.getList("status")} options={options(ENTERPRISE_STATUS_LABELS)} onChange={(v) => lp.set({ status: v })} />
              <Select allowClear aria-label={t("list.filterDistrict")} placeholder={t("list.filterDistrict")} style={{ width: 125 }} value={lp.get("district")} options={YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d }))} onChange={(v) => lp.set({ district: v })} />
              <Select allowClear aria-label={t("enterprise.qualificationExpiry")} placeholder={t("enterprise.qualificationExpiry")} style={{ width: 115 }} value={lp.get("qualificationExpiry")} options={EXPIRY_STATES.map((s) => ({ value: s, label: t(`expiry.${s}`) }))} onChange={(v) => lp.set({ qualificationExpiry: v })} />
            </>
          }
          actions={
            <>
              {can("registry.enterprise.create") && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t("common.create")}
                </Button>
              )}
              {can("registry.import") && (
                <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                  {t("common.import")}
                </Button>
              )}
              <ExportButton basePath="/enterprises" query={lp.query} />
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
      <ImportModal open={importing} onClose={() => setImporting(false)} basePath="/enterprises" entity={t("enterprise.entity")} invalidate={keys.enterprises.all} />
      <EnterpriseForm open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
