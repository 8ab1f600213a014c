import { useCallback, useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Affix, App, Button, Card, Col, Empty, Flex, Form, Input, Row, Select, Typography } from "antd";
import { SendOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { INSPECTION_KIND_LABELS, type InspectionKind } from "@contracts/cases/enums";
import { DOMAINS, type InspectorDomain } from "@contracts/platform/auth";
import { shanghaiDay } from "@contracts/platform/time";
import type { ProjectDto } from "@contracts/registry/project";
import { api } from "../../../../api/client";
import { keys } from "../../../../api/query-keys";
import { useMe } from "../../../../auth/use-can";
import { DateInput } from "../../../../components/date-input";
import { PageHeader } from "../../../../components/page-header";
import { RemoteSelect } from "../../../../components/remote-select";
import { RequirePermission } from "../../../../components/require-permission";
import { useLabels } from "../../../../i18n/labels";
import { searchProjects } from "../../../registry/projects/api";
import "../../cases.css";
import { useCreateInspection, useRandomPlan, useTemplate, useTemplates } from "../api";
import { passRest, tally, toSubmission, type ItemMark, type Marks } from "../checklist";
import { ChecklistItem } from "../components/checklist-item";
import { errorText } from "../../../../components/form-utils";

interface Head {
  projectId?: string;
  kind: InspectionKind;
  domain: InspectorDomain;
  inspectedOn: string;
  templateId?: string;
}

/**
 * 开始检查, made for a tablet on site: pick the project, kind and checklist, then judge item by item with
 * large 合格/不合格 switches, notes and photos. On submit every failed item opens a case; the result page
 * lists them. A 双随机 target arrives with `?planId=&projectId=` and is inspected as kind 双随机.
 */
function InspectionForm() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const me = useMe();
  const planId = sp.get("planId") ?? undefined;
  const plan = useRandomPlan(planId);
  const target = plan.data?.targets.find((x) => x.projectId === sp.get("projectId"));
  const [head, setHead] = useState<Head>(() => ({
    projectId: sp.get("projectId") ?? undefined,
    kind: planId ? "random" : "daily",
    domain: me.data?.domain ?? "quality",
    inspectedOn: shanghaiDay(),
  }));
  const domain = plan.data?.domain ?? head.domain;
  const templates = useTemplates({ domain, activeOnly: "true", pageSize: 100 });
  // The only checklist of the domain is taken without asking.
  const onlyTemplate = templates.data?.items.length === 1 ? templates.data.items[0].id : undefined;
  const templateId = head.templateId ?? onlyTemplate;
  const template = useTemplate(templateId);
  const items = useMemo(() => template.data?.items ?? [], [template.data]);
  const [marks, setMarks] = useState<Marks>({});
  const [summary, setSummary] = useState("");
  const create = useCreateInspection();
  const counts = tally(items, marks);

  const onMark = useCallback((code: string, m: ItemMark | undefined) => {
    setMarks((prev) => {
      const next = { ...prev };
      if (m) next[code] = m;
      else delete next[code];
      return next;
    });
  }, []);

  // A project arriving in the URL (from the project page or a 双随机 target) is shown by its name.
  const chosenProject = useQuery({ queryKey: keys.projects.detail(head.projectId ?? ""), queryFn: () => api<ProjectDto>(`/projects/${head.projectId}`), enabled: !!head.projectId, staleTime: 5 * 60_000 });
  const projectOptions = useMemo(() => (chosenProject.data ? [{ value: chosenProject.data.id, label: `${chosenProject.data.code} ${chosenProject.data.name}` }] : []), [chosenProject.data]);

  const submit = () => {
    if (!head.projectId || !templateId) return void message.warning(t("inspection.pickTemplateFirst"));
    if (!counts.checked) return void message.warning(t("inspection.nothingChecked"));
    const { results, findings } = toSubmission(items, marks);
    modal.confirm({
      title: t("inspection.submit"),
      content: counts.failed ? t("inspection.submitConfirm", { failed: counts.failed }) : t("inspection.submitConfirmNone"),
      okText: t("inspection.submit"),
      onOk: async () => {
        try {
          const done = await create.mutateAsync({
            projectId: head.projectId!,
            kind: planId ? "random" : head.kind,
            domain,
            inspectedOn: head.inspectedOn,
            templateId,
            inspectorIds: target?.inspectorIds ?? [],
            results,
            findings,
            summary: summary.trim(),
            ...(planId ? { planId } : {}),
          });
          message.success(t("inspection.submitted"));
          void navigate(`/inspections/${done.id}`, { replace: true });
        } catch (e) {
          // Long enough to read on site: the form keeps every mark, so the inspector can fix and resubmit.
          message.error(errorText(e), 8);
        }
      },
    });
  };

  return (
    <>
      <PageHeader parent={{ to: "/inspections", label: t("inspection.list") }} title={t("inspection.new")} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="vertical" size="large" requiredMark={false}>
          <Row gutter={12}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t("inspection.project")} required>
                <RemoteSelect
                  scope={keys.projects.all}
                  fetchOptions={searchProjects}
                  knownOptions={projectOptions}
                  disabled={!!target}
                  aria-label={t("inspection.project")}
                  placeholder={t("inspection.project")}
                  value={head.projectId}
                  onChange={(v) => setHead((h) => ({ ...h, projectId: typeof v === "string" ? v : undefined }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item label={t("inspection.kind")}>
                <Select
                  aria-label={t("inspection.kind")}
                  disabled={!!planId}
                  value={planId ? "random" : head.kind}
                  options={options(INSPECTION_KIND_LABELS).filter((o) => planId || o.value !== "random")}
                  onChange={(kind: InspectionKind) => setHead((h) => ({ ...h, kind }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item label={t("inspection.domain")}>
                <Select
                  aria-label={t("inspection.domain")}
                  disabled={!!planId}
                  value={domain}
                  options={DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) }))}
                  onChange={(d: InspectorDomain) => {
                    setHead((h) => ({ ...h, domain: d, templateId: undefined }));
                    setMarks({});
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Form.Item label={t("inspection.inspectedOn")}>
                <DateInput value={head.inspectedOn} onChange={(d) => setHead((h) => ({ ...h, inspectedOn: d ?? shanghaiDay() }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={16} xl={5}>
              <Form.Item label={t("inspection.template")} required>
                <Select
                  aria-label={t("inspection.template")}
                  placeholder={t("inspection.template")}
                  loading={templates.isLoading}
                  value={templateId}
                  options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name} v${x.version}` }))}
                  onChange={(templateId: string) => {
                    setHead((h) => ({ ...h, templateId }));
                    setMarks({});
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
          {target && (
            <Typography.Text type="secondary">
              {t("inspection.plan")}：{plan.data?.name} · {t("inspection.inspectors")}：{target.inspectorNames.join("、")}
            </Typography.Text>
          )}
        </Form>
      </Card>
      <Card
        size="small"
        title={template.data ? `${template.data.name}（${label(INSPECTION_KIND_LABELS, planId ? "random" : head.kind)}）` : t("inspection.template")}
        loading={template.isLoading}
        extra={
          items.length > 0 && (
            <Button size="large" onClick={() => setMarks((m) => passRest(items, m))}>
              {t("inspection.markAllPass")}
            </Button>
          )
        }
      >
        {items.length ? items.map((item, i) => <ChecklistItem key={item.code} item={item} index={i} mark={marks[item.code]} onChange={onMark} />) : <Empty description={t("inspection.pickTemplateFirst")} />}
      </Card>
      {items.length > 0 && (
        <Affix offsetBottom={0}>
          <Card size="small" style={{ marginTop: 12, boxShadow: "0 -2px 8px rgba(0,0,0,0.08)" }}>
            <Flex gap={12} align="center" wrap>
              <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 3 }} maxLength={4000} value={summary} onChange={(e) => setSummary(e.target.value)} placeholder={t("inspection.summary")} aria-label={t("inspection.summary")} style={{ flex: "1 1 300px", fontSize: 15 }} />
              <Typography.Text strong data-testid="inspection-progress" style={{ color: counts.failed ? "#cf1322" : undefined }}>
                {t("inspection.progress", { checked: counts.checked, total: items.length, failed: counts.failed })}
              </Typography.Text>
              <Button type="primary" size="large" icon={<SendOutlined />} loading={create.isPending} onClick={submit}>
                {t("inspection.submit")}
              </Button>
            </Flex>
          </Card>
        </Affix>
      )}
    </>
  );
}

export default function InspectionFormPage() {
  return (
    <RequirePermission permission="cases.inspect">
      <InspectionForm />
    </RequirePermission>
  );
}
