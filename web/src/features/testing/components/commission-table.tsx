import { useState } from "react";
import { Button, Descriptions, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CommissionDto } from "@contracts/testing/commission";
import { COMMISSION_STATE_LABELS, SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import { useCan } from "../../../auth/use-can";
import { formatDateTime, orDash } from "../../../components/format";
import { ListPage } from "../../../components/list-page";
import { useLabels } from "../../../i18n/labels";
import { useCommissions } from "../api";
import { CommissionForm } from "./commission-form";
import { PassTag } from "./pass-tag";
import { ResultForm } from "./result-form";
import { SamplingForm } from "./sampling-form";
import { SamplingPhotoThumbs } from "./sampling-photos";
import { projectColumn } from "../../../components/project-column";

/**
 * 检测委托 list (the city's, or one project's): filters in the URL, export, 新建委托 for project parties,
 * 登记取样 on a fresh commission and 录入结果 for the agency it is addressed to; a sampled row expands to its
 * sampling record with the photos.
 */
export function CommissionTable({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [sampling, setSampling] = useState<CommissionDto | null>(null);
  const [entering, setEntering] = useState<CommissionDto | null>(null);

  return (
    <ListPage<CommissionDto>
      useRows={(q) => useCommissions(q, projectId)}
      exportPath="/testing/commissions"
      exportQuery={{ projectId }}
      create={can("testing.commission") && { label: t("testing.newCommission"), onClick: () => setCreating(true) }}
      filters={[
        { key: "sampleType", label: t("testing.sampleType"), labels: SAMPLE_TYPE_LABELS, multiple: true, width: 170 },
        { key: "state", label: t("testing.state"), labels: COMMISSION_STATE_LABELS, width: 110 },
        { key: "witnessed", label: t("testing.witnessed"), bool: [t("common.yes"), t("common.no")], width: 110 },
        {
          key: "failed",
          label: t("testing.conclusion"),
          options: [
            { value: "false", label: t("testing.pass") },
            { value: "true", label: t("testing.fail") },
          ],
          width: 110,
        },
      ]}
      table={{ expandable: { rowExpandable: (r) => r.sampleCode !== null, expandedRowRender: (r) => <SamplingRecord commission={r} /> } }}
      columns={[
        { title: t("testing.no"), dataIndex: "no", width: 160, sorter: true, render: (v: string) => <span style={{ fontFamily: "monospace" }}>{v}</span> },
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
        { title: t("testing.createdAt"), dataIndex: "createdAt", width: 140, sorter: true, render: formatDateTime },
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
    >
      <CommissionForm open={creating} onClose={() => setCreating(false)} projectId={projectId} />
      {sampling && <SamplingForm commission={sampling} onClose={() => setSampling(null)} />}
      {entering && <ResultForm commission={entering} onClose={() => setEntering(null)} />}
    </ListPage>
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
