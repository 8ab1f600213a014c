import { useState } from "react";
import { Button, Drawer, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { CASE_CATEGORY_LABELS } from "@contracts/cases/enums";
import type { TemplateDto, TemplateItemDto } from "@contracts/cases/inspections";
import { DOMAINS } from "@contracts/platform/auth";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { QueryState } from "../../../../components/query-state";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import "../../cases.css";
import { GradeTag } from "../../components/case-tags";
import { useTemplate, useTemplates } from "../api";
import { TemplateForm } from "../components/template-form";

/** One checklist version's items, with 发布新版本 for those who manage checklists. */
function TemplateDrawer({ id, onClose, onNewVersion }: { id: string | null; onClose: () => void; onNewVersion: () => void }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const tpl = useTemplate(id);
  const d = tpl.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={900}
      title={d ? `${d.name} v${d.version}` : t("template.title")}
      extra={
        d?.active &&
        can("cases.template.manage") && (
          <Button type="primary" onClick={onNewVersion}>
            {t("template.newVersion")}
          </Button>
        )
      }
      destroyOnHidden
    >
      {d ? (
        <>
          <Typography.Paragraph type="secondary">
            <span className="sc-mono">{d.code}</span> · {t(`domains.${d.domain}`)} · {d.source || "—"}
          </Typography.Paragraph>
          <Table<TemplateItemDto>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={d.items}
            columns={[
              { title: t("template.itemCode"), dataIndex: "code", width: 80, render: (v: string) => <span className="sc-mono">{v}</span> },
              { title: t("template.itemText"), dataIndex: "text" },
              { title: t("cases.category"), dataIndex: "category", width: 90, render: (v: TemplateItemDto["category"]) => label(CASE_CATEGORY_LABELS, v) },
              { title: t("cases.grade"), dataIndex: "grade", width: 70, render: (g: TemplateItemDto["grade"]) => <GradeTag grade={g} /> },
              { title: t("template.itemScore"), dataIndex: "score", width: 60 },
              { title: t("inspection.clause"), dataIndex: "clause", width: 180 },
            ]}
          />
        </>
      ) : (
        <QueryState isLoading={tpl.isLoading} error={tpl.error} />
      )}
    </Drawer>
  );
}

/** 检查表: the checklists (current versions by default), their items, and new versions for cases.template.manage. */
export default function TemplateListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const lp = useListParams();
  const openId = lp.get("template") ?? null;
  const base = useTemplate(openId);
  const [editing, setEditing] = useState<"new" | "version" | null>(null);
  return (
    <ListPage<TemplateDto>
      title={t("template.title")}
      permission="cases.read"
      create={can("cases.template.manage") && { label: t("template.newTemplate"), inHeader: true, onClick: () => setEditing("new") }}
      lp={lp}
      useRows={useTemplates}
      query={(q) => ({ ...q, activeOnly: q.activeOnly ?? "true" })}
      filters={[
        { key: "domain", label: t("template.domain"), options: DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) })) },
        { kind: "check", key: "activeOnly", label: t("template.allVersions"), on: "false" },
      ]}
      emptyText={t("template.empty")}
      table={{ rowClassName: () => "sc-clickable-row", onRow: (r) => ({ onClick: () => lp.set({ template: r.id, page: lp.page }) }) }}
      columns={[
        { title: t("template.code"), dataIndex: "code", width: 160, render: (v: string) => <span className="sc-mono">{v}</span> },
        { title: t("template.name"), dataIndex: "name", width: 320, ellipsis: true },
        { title: t("template.version"), dataIndex: "version", width: 70, render: (v: number) => `v${v}` },
        { title: t("template.domain"), dataIndex: "domain", width: 90, render: (v: string) => t(`domains.${v}`) },
        { title: t("template.items"), dataIndex: "itemCount", width: 80 },
        { title: t("template.majorItems"), dataIndex: "majorItemCount", width: 80, render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
        { title: t("template.totalScore"), dataIndex: "totalScore", width: 80 },
        { title: t("template.source"), dataIndex: "source", ellipsis: true },
        { title: t("cases.state"), dataIndex: "active", width: 80, render: (a: boolean) => (a ? <Tag color="green">{t("template.active")}</Tag> : <Tag>{t("template.inactive")}</Tag>) },
        { title: t("template.createdAt"), dataIndex: "createdAt", width: 140, render: formatDateTime },
      ]}
    >
      <TemplateDrawer id={openId} onClose={() => lp.set({ template: null, page: lp.page })} onNewVersion={() => setEditing("version")} />
      <TemplateForm
        open={editing !== null}
        base={editing === "version" ? (base.data ?? null) : null}
        onClose={(saved) => {
          setEditing(null);
          if (saved) lp.set({ template: saved.id, page: lp.page });
        }}
      />
    </ListPage>
  );
}
