import { useState } from "react";
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { RANDOM_PLAN_STATE_LABELS, type CreateRandomPlanInput, type RandomPlanDto } from "@contracts/cases/inspections";
import { DOMAINS } from "@contracts/platform/auth";
import { useCan, useMe } from "../../../auth/use-can";
import { showSaveError } from "../../../components/form-utils";
import { formatDateTime } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { useListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import "../cases.css";
import { useCreateRandomPlan, useRandomPlans } from "./api";

const FIELDS = ["name", "domain", "ratioPct", "seed", "inspectorsPerTarget"] as const;

/** 新建抽查计划: the draw runs on the server at once; the seed makes it reproducible. */
function PlanForm({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<CreateRandomPlanInput>();
  const create = useCreateRandomPlan();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const plan = await create.mutateAsync({ ...v, seed: v.seed?.trim() || undefined });
      message.success(t("random.drawn", { count: plan.targetCount }));
      onClose(plan.id);
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };
  const required = [{ required: true, message: t("common.required") }];
  return (
    <Modal open={open} title={t("random.create")} okText={t("random.create")} okButtonProps={{ loading: create.isPending }} onOk={() => void submit()} onCancel={() => onClose()} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ domain: me.data?.domain ?? "quality", ratioPct: 10, inspectorsPerTarget: 2 }}>
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
      </Form>
    </Modal>
  );
}

/** 双随机抽查: the plans drawn so far, their state and result summary. */
function RandomPlans() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const can = useCan();
  const navigate = useNavigate();
  const lp = useListParams();
  const { data, isFetching, error } = useRandomPlans(lp.query);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t("random.title")}
        actions={
          can("cases.inspect") && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("random.create")}
            </Button>
          )
        }
      />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select allowClear aria-label={t("random.domain")} placeholder={t("random.domain")} style={{ width: 120 }} value={lp.get("domain")} options={DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) }))} onChange={(domain?: string) => lp.set({ domain })} />
              <Select allowClear aria-label={t("random.state")} placeholder={t("random.state")} style={{ width: 110 }} value={lp.get("state")} options={options(RANDOM_PLAN_STATE_LABELS)} onChange={(state?: string) => lp.set({ state })} />
            </>
          }
        />
        <ListError error={error} />
        <Table<RandomPlanDto>
          rowKey="id"
          size="small"
          loading={isFetching && !data}
          dataSource={data?.items}
          rowClassName={() => "sc-clickable-row"}
          onRow={(r) => ({ onClick: () => void navigate(`/random-plans/${r.id}`) })}
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
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: 1300 }}
          locale={{ emptyText: t("random.empty") }}
        />
      </Card>
      <PlanForm
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) void navigate(`/random-plans/${id}`);
        }}
      />
    </>
  );
}

export default function RandomPlansPage() {
  return (
    <RequirePermission permission="cases.read">
      <RandomPlans />
    </RequirePermission>
  );
}
