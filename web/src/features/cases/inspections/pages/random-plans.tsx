import { useState } from "react";
import { App, Col, Form, Input, InputNumber, Row, Select, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { RANDOM_PLAN_STATE_LABELS, type CreateRandomPlanInput, type RandomPlanDto } from "@contracts/cases/inspections";
import { DOMAINS } from "@contracts/platform/auth";
import { useCan, useMe } from "../../../../auth/use-can";
import { FormModal, useRequired } from "../../../../components/form-modal";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { useLabels } from "../../../../i18n/labels";
import "../../cases.css";
import { useCreateRandomPlan, useRandomPlans } from "../api";

const FIELDS = ["name", "domain", "ratioPct", "seed", "inspectorsPerTarget"] as const;

/** 新建抽查计划: the draw runs on the server at once; the seed makes it reproducible. */
function PlanForm({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const create = useCreateRandomPlan();
  const required = useRequired();
  return (
    <FormModal<CreateRandomPlanInput, RandomPlanDto>
      open={open}
      title={t("random.create")}
      okText={t("random.create")}
      onClose={() => onClose()}
      submit={(v) => create.mutateAsync({ ...v, seed: v.seed?.trim() || undefined })}
      pending={create.isPending}
      fields={FIELDS}
      success={null}
      onSaved={(plan) => {
        void message.success(t("random.drawn", { count: plan.targetCount }));
        onClose(plan.id);
      }}
      initialValues={{ domain: me.data?.domain ?? "quality", ratioPct: 10, inspectorsPerTarget: 2 }}
    >
      <Form.Item name="name" label={t("random.name")} rules={required}>
        <Input maxLength={120} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="domain" label={t("random.domain")} rules={required}>
            <Select options={DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="ratioPct" label={t("random.ratio")} rules={required}>
            <InputNumber min={1} max={100} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="inspectorsPerTarget" label={t("random.perTarget")} rules={required}>
            <InputNumber min={2} max={5} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="seed" label={t("random.seed")} extra={t("random.seedHint")}>
        <Input maxLength={64} className="sc-mono" />
      </Form.Item>
    </FormModal>
  );
}

/** 双随机抽查: the plans drawn so far, their state and result summary. */
export default function RandomPlansPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const domains = DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) }));
  return (
    <ListPage<RandomPlanDto>
      title={t("random.title")}
      permission="cases.read"
      create={can("cases.inspect") && { label: t("random.create"), inHeader: true, onClick: () => setCreating(true) }}
      useRows={useRandomPlans}
      filters={[
        { key: "domain", label: t("random.domain"), options: domains },
        { key: "state", label: t("random.state"), labels: RANDOM_PLAN_STATE_LABELS, width: 110 },
      ]}
      emptyText={t("random.empty")}
      table={{ rowClassName: () => "sc-clickable-row", onRow: (r) => ({ onClick: () => void navigate(`/random-plans/${r.id}`) }) }}
      columns={[
        { title: t("random.name"), dataIndex: "name", ellipsis: true },
        { title: t("random.domain"), dataIndex: "domain", width: 90, render: (v: string) => t(`domains.${v}`) },
        { title: t("random.ratio"), dataIndex: "ratioPct", width: 100, render: (v: number) => `${v}%` },
        { title: t("random.targets"), key: "targets", width: 110, render: (_: unknown, r) => `${r.targetCount} / ${r.poolSize}` },
        { title: t("random.seed"), dataIndex: "seed", width: 180, ellipsis: true, render: (v: string) => <span className="sc-mono">{v}</span> },
        { title: t("random.state"), dataIndex: "state", width: 90, render: (s: RandomPlanDto["state"]) => <Tag color={s === "published" ? "green" : "blue"}>{label(RANDOM_PLAN_STATE_LABELS, s)}</Tag> },
        { title: t("random.inspectedCount"), key: "inspected", width: 90, render: (_: unknown, r) => (r.summary ? `${r.summary.inspectedCount} / ${r.summary.targetCount}` : "—") },
        { title: t("random.createdBy"), dataIndex: "createdByName", width: 110 },
        { title: t("random.createdAt"), dataIndex: "createdAt", width: 140, render: formatDateTime },
        { title: t("random.publishedAt"), dataIndex: "publishedAt", width: 140, render: formatDateTime },
      ]}
    >
      <PlanForm
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) void navigate(`/random-plans/${id}`);
        }}
      />
    </ListPage>
  );
}
