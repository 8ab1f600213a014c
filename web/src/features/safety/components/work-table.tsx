import { useState } from "react";
import { Button, Card, Select, Table } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { DANGER_LEVEL_LABELS, DANGEROUS_WORK_CATEGORY_LABELS, DANGEROUS_WORK_STATE_LABELS, type DangerousWorkDto } from "@contracts/safety/dangerous-works";
import { useCan } from "../../../auth/use-can";
import { ExportButton } from "../../../components/export-button";
import { formatDate, formatDateTime } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { useListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { useDangerousWorks } from "../api";
import { paramsText } from "./params-text";
import { WorkForm } from "./work-form";
import { LevelTag, WorkStateTag } from "./work-tags";
import "../i18n";
import { projectColumn } from "../../../components/project-column";

const { weida, chaoweida } = DANGER_LEVEL_LABELS;

/** The 危大 register: the city's (filters by district) or one project's (with 登记危大工程 for its parties). */
export function WorkTable({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const { label, options, lang } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useDangerousWorks(lp.query, projectId);
  const [creating, setCreating] = useState(false);

  return (
    <Card size="small">
      <ListToolbar
        q={lp.q}
        onSearch={(q) => lp.set({ q })}
        onReset={lp.reset}
        filters={
          <>
            <Select allowClear mode="multiple" aria-label={t("safety.level")} placeholder={t("safety.level")} style={{ width: 150 }} value={lp.getList("level")} options={options({ weida, chaoweida })} onChange={(v: string[]) => lp.set({ level: v })} />
            <Select allowClear mode="multiple" maxTagCount={1} aria-label={t("safety.state")} placeholder={t("safety.state")} style={{ width: 170 }} value={lp.getList("state")} options={options(DANGEROUS_WORK_STATE_LABELS)} onChange={(v: string[]) => lp.set({ state: v })} />
            <Select allowClear mode="multiple" maxTagCount={1} aria-label={t("safety.category")} placeholder={t("safety.category")} style={{ width: 200 }} value={lp.getList("category")} options={options(DANGEROUS_WORK_CATEGORY_LABELS)} onChange={(v: string[]) => lp.set({ category: v })} />
            {!projectId && (
              <Select allowClear aria-label={t("safety.district")} placeholder={t("safety.district")} style={{ width: 130 }} value={lp.get("district")} options={YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d }))} onChange={(district?: string) => lp.set({ district })} />
            )}
          </>
        }
        actions={
          <>
            <ExportButton basePath="/dangerous-works" query={projectId ? { ...lp.query, projectId } : lp.query} />
            {projectId && can("safety.manage") && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t("safety.newWork")}
              </Button>
            )}
          </>
        }
      />
      <ListError error={error} />
      <Table<DangerousWorkDto>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={lp.pagination(data?.total)}
        onChange={lp.onTableChange}
        scroll={{ x: 1200 }}
        columns={[
          { title: t("safety.name"), dataIndex: "name", key: "name", sorter: true, sortOrder: lp.sortOrder("name"), ellipsis: true, render: (v: string, r) => <Link to={`/safety/works/${r.id}`}>{v}</Link> },
          ...(projectId ? [] : [projectColumn<DangerousWorkDto>(t("safety.project"), "safety"), { title: t("safety.district"), dataIndex: "district", width: 100 }]),
          { title: t("safety.category"), dataIndex: "category", width: 170, render: (v: string) => label(DANGEROUS_WORK_CATEGORY_LABELS, v) },
          { title: t("safety.level"), dataIndex: "level", key: "level", width: 90, sorter: true, sortOrder: lp.sortOrder("level"), render: (v: DangerousWorkDto["level"]) => <LevelTag level={v} /> },
          { title: t("safety.params"), key: "params", ellipsis: true, render: (_: unknown, r) => paramsText(r.category, r.params, lang) || "—" },
          { title: t("safety.state"), dataIndex: "state", key: "state", width: 110, sorter: true, sortOrder: lp.sortOrder("state"), render: (v: DangerousWorkDto["state"]) => <WorkStateTag state={v} /> },
          { title: t("safety.revision"), dataIndex: "revision", width: 60 },
          { title: t("safety.plannedStart"), dataIndex: "plannedStart", key: "plannedStart", width: 110, sorter: true, sortOrder: lp.sortOrder("plannedStart"), render: formatDate },
          { title: t("safety.updatedAt"), dataIndex: "updatedAt", key: "updatedAt", width: 140, sorter: true, sortOrder: lp.sortOrder("updatedAt"), render: formatDateTime },
        ]}
      />
      {projectId && <WorkForm open={creating} onClose={() => setCreating(false)} projectId={projectId} />}
    </Card>
  );
}
