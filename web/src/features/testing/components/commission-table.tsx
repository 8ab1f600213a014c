import { useState } from "react";
import { Button, Card, Descriptions, Select, Space, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { CommissionDto } from "@contracts/testing/commission";
import { COMMISSION_STATE_LABELS, SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import { useCan } from "../../../auth/use-can";
import { ExportButton } from "../../../components/export-button";
import { formatDateTime, orDash } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { useListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { useCommissions } from "../api";
import { CommissionForm } from "./commission-form";
import { PassTag } from "./pass-tag";
import { ResultForm } from "./result-form";
import { SamplingForm } from "./sampling-form";
import { SamplingPhotoThumbs } from "./sampling-photos";
import "../i18n";
import { projectColumn } from "../../../components/project-column";

/**
 * 检测委托 list (the city's, or one project's): filters in the URL, export, 新建委托 for project parties,
 * 登记取样 on a fresh commission and 录入结果 for the agency it is addressed to; a sampled row expands to its
 * sampling record with the photos.
 */
export function CommissionTable({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useCommissions(lp.query, projectId);
  const [creating, setCreating] = useState(false);
  const [sampling, setSampling] = useState<CommissionDto | null>(null);
  const [entering, setEntering] = useState<CommissionDto | null>(null);
  const yesNo = [
    { value: "true", label: t("common.yes") },
    { value: "false", label: t("common.no") },
  ];

  return (
    <Card size="small">
      <ListToolbar
        q={lp.q}
        onSearch={(q) => lp.set({ q })}
        onReset={lp.reset}
        filters={
          <>
            <Select allowClear mode="multiple" maxTagCount={1} aria-label={t("testing.sampleType")} placeholder={t("testing.sampleType")} style={{ width: 170 }} value={lp.getList("sampleType")} options={options(SAMPLE_TYPE_LABELS)} onChange={(v: string[]) => lp.set({ sampleType: v })} />
            <Select allowClear aria-label={t("testing.state")} placeholder={t("testing.state")} style={{ width: 110 }} value={lp.get("state")} options={options(COMMISSION_STATE_LABELS)} onChange={(state?: string) => lp.set({ state })} />
            <Select allowClear aria-label={t("testing.witnessed")} placeholder={t("testing.witnessed")} style={{ width: 110 }} value={lp.get("witnessed")} options={yesNo} onChange={(witnessed?: string) => lp.set({ witnessed })} />
            <Select
              allowClear
              aria-label={t("testing.conclusion")}
              placeholder={t("testing.conclusion")}
              style={{ width: 110 }}
              value={lp.get("failed")}
              options={[
                { value: "false", label: t("testing.pass") },
                { value: "true", label: t("testing.fail") },
              ]}
              onChange={(failed?: string) => lp.set({ failed })}
            />
          </>
        }
        actions={
          <>
            <ExportButton basePath="/testing/commissions" query={projectId ? { ...lp.query, projectId } : lp.query} />
            {can("testing.commission") && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t("testing.newCommission")}
              </Button>
            )}
          </>
        }
      />
      <ListError error={error} />
      <Table<CommissionDto>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={lp.pagination(data?.total)}
        onChange={lp.onTableChange}
        scroll={{ x: 1200 }}
        expandable={{ rowExpandable: (r) => r.sampleCode !== null, expandedRowRender: (r) => <SamplingRecord commission={r} /> }}
        columns={[
          { title: t("testing.no"), dataIndex: "no", key: "no", width: 160, sorter: true, sortOrder: lp.sortOrder("no"), render: (v: string) => <span style={{ fontFamily: "monospace" }}>{v}</span> },
          ...(projectId ? [] : [projectColumn<CommissionDto>(t("testing.project"), "testing")]),
          { title: t("testing.sampleType"), dataIndex: "sampleType", width: 110, render: (v: string) => label(SAMPLE_TYPE_LABELS, v) },
          { title: t("testing.strengthClass"), dataIndex: "strengthClass", width: 100, render: orDash },
          { title: t("testing.lotNo"), dataIndex: "lotNo", width: 120, render: orDash },
          { title: t("testing.part"), dataIndex: "part", width: 120, ellipsis: true, render: orDash },
          { title: t("testing.agency"), dataIndex: "agencyName", ellipsis: true },
          { title: t("testing.witnessed"), dataIndex: "witnessed", width: 130, render: (w: boolean, r) => (w ? <Tag color="blue">{r.witnessName ?? t("common.yes")}</Tag> : <Tag>{t("common.no")}</Tag>) },
          { title: t("testing.sampleCode"), dataIndex: "sampleCode", width: 150, render: orDash },
          { title: t("testing.state"), dataIndex: "state", key: "state", width: 90, render: (v: string) => label(COMMISSION_STATE_LABELS, v) },
          { title: t("testing.conclusion"), dataIndex: "pass", width: 80, render: (p: boolean | null) => <PassTag pass={p} /> },
          { title: t("testing.createdAt"), dataIndex: "createdAt", key: "createdAt", width: 140, sorter: true, sortOrder: lp.sortOrder("createdAt"), render: formatDateTime },
          {
            title: t("common.actions"),
            key: "actions",
            width: 150,
            fixed: "right",
            render: (_: unknown, r) => (
              <Space size={4}>
                {can("testing.commission") && r.state === "commissioned" && (
                  <Button size="small" type="link" onClick={() => setSampling(r)}>
                    {t("testing.recordSampling")}
                  </Button>
                )}
                {can("testing.report") && (r.state !== "commissioned" || !r.witnessed) ? (
                  <Button size="small" type="link" onClick={() => setEntering(r)}>
                    {t("testing.submitResult")}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <CommissionForm open={creating} onClose={() => setCreating(false)} projectId={projectId} />
      {sampling && <SamplingForm commission={sampling} onClose={() => setSampling(null)} />}
      {entering && <ResultForm commission={entering} onClose={() => setEntering(null)} />}
    </Card>
  );
}

/** 取样记录 of a sampled commission: when, where, the sealed sample's code and the on-site photos. */
function SamplingRecord({ commission: c }: { commission: CommissionDto }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={3} title={t("testing.sampling")}>
      <Descriptions.Item label={t("testing.sampledAt")}>{formatDateTime(c.sampledAt)}</Descriptions.Item>
      <Descriptions.Item label={t("testing.samplePlace")}>{orDash(c.samplePlace)}</Descriptions.Item>
      <Descriptions.Item label={t("testing.sampleCode")}>{orDash(c.sampleCode)}</Descriptions.Item>
      <Descriptions.Item label={t("testing.samplePhotos")} span={3}>
        <SamplingPhotoThumbs ids={c.samplePhotoIds} size={64} />
      </Descriptions.Item>
    </Descriptions>
  );
}
