import { useState } from "react";
import { FilePdfOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, Modal, Row, Select, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ACCEPTANCE_STATE_LABELS, MILESTONES, MILESTONE_LABELS, type AcceptanceDto, type AcceptanceSignoffDto, type Milestone, type SignAcceptanceInput } from "@contracts/quality/acceptance";
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from "@contracts/registry/enums";
import { shanghaiDay } from "@contracts/platform/time";
import { ApiError, apiUrl } from "../../../api/client";
import { useCan, useMe } from "../../../auth/use-can";
import { DateInput } from "../../../components/date-input";
import { formatDateTime, orDash } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { useLabels } from "../../../i18n/labels";
import { useCaseBoard } from "../../cases/api";
import { useProject } from "../../registry/projects/api";
import { useOpenAcceptance, useProjectAcceptances, useSignAcceptance } from "../api";
import { Signoffs } from "./signoffs";
import { errorText } from "../../../components/form-utils";

/** 签署: the opinion, and the role only when the signer's enterprise holds several still unsigned. Refusals (open major cases) are shown as the server words them. */
function SignModal({ a, heldRoles, onClose }: { a: AcceptanceDto | null; heldRoles: readonly ParticipantRole[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<SignAcceptanceInput>();
  const sign = useSignAcceptance();
  // The server asks for a role only when the signer's enterprise holds more than one still unsigned.
  const choices = a ? a.missingParties.filter((r) => heldRoles.includes(r)) : [];
  const submit = async () => {
    if (!a) return;
    const v = await form.validateFields();
    try {
      await sign.mutateAsync({ id: a.id, input: { opinion: v.opinion, ...(v.role ? { role: v.role } : {}) } });
      message.success(t("acceptance.signedOk"));
      onClose();
    } catch (e) {
      const text = errorText(e);
      if (e instanceof ApiError && (e.code === "PRECONDITION_FAILED" || e.status === 409 || e.status === 422 || e.status === 400)) {
        modal.error({ title: t("acceptance.refused"), content: text });
        onClose();
      } else message.error(text);
    }
  };
  return (
    <Modal open={!!a} title={a ? `${t("acceptance.signTitle")} · ${label(MILESTONE_LABELS, a.milestone)}` : ""} okText={t("acceptance.sign")} okButtonProps={{ loading: sign.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ opinion: t("acceptance.opinionDefault") }}>
        <Form.Item name="opinion" label={t("acceptance.opinion")} rules={[{ required: true, whitespace: true, message: t("common.required") }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {choices.length > 1 && (
          <Form.Item name="role" label={t("acceptance.signAs")} rules={[{ required: true, message: t("common.required") }]}>
            <Select options={choices.map((r) => ({ value: r, label: label(PARTICIPANT_ROLE_LABELS, r) }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 发起验收 of a milestone with its planned date. */
function OpenModal({ projectId, milestone, onClose }: { projectId: string; milestone: Milestone | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { message } = App.useApp();
  const [plannedOn, setPlannedOn] = useState<string | null>(shanghaiDay());
  const open = useOpenAcceptance(projectId);
  const submit = async () => {
    if (!milestone || !plannedOn) return;
    try {
      await open.mutateAsync({ milestone, plannedOn });
      message.success(t("acceptance.opened"));
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open={!!milestone} title={milestone ? `${t("acceptance.open")} · ${label(MILESTONE_LABELS, milestone)}` : ""} okButtonProps={{ loading: open.isPending, disabled: !plannedOn }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label={t("acceptance.plannedOn")} required>
          <DateInput value={plannedOn} onChange={setPlannedOn} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 质量验收 tab: 地基与基础, 主体结构, 竣工验收 — each party's sign-off, 签署 for the project's parties, and a
 * warning while major cases are open (the server refuses sign-off then).
 */
export function AcceptanceTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const mayAct = can("quality.acceptance.sign");
  const list = useProjectAcceptances(projectId);
  const me = useMe();
  const project = useProject(projectId);
  const heldRoles = (project.data?.participants ?? []).filter((p) => p.enterpriseId === me.data?.enterpriseId).map((p) => p.role);
  const board = useCaseBoard({ projectId });
  const [signing, setSigning] = useState<AcceptanceDto | null>(null);
  const [opening, setOpening] = useState<Milestone | null>(null);
  const openMajor = board.data?.openMajor ?? 0;

  return (
    <>
      <ListError error={list.error} />
      {openMajor > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("acceptance.majorOpen", { count: openMajor })}
          action={<Link to={`/projects/${projectId}?tab=cases&grade=major&state=pending,rectifying,review`}>{t("acceptance.viewMajor")}</Link>}
        />
      )}
      <Row gutter={[12, 12]}>
        {MILESTONES.map((m) => {
          const a = list.data?.find((x) => x.milestone === m);
          return (
            <Col key={m} xs={24}>
              <Card
                size="small"
                data-testid={`acceptance-${m}`}
                title={
                  <Flex gap={8} align="center">
                    <span>{label(MILESTONE_LABELS, m)}</span>
                    {a && <Tag color={a.state === "accepted" ? "green" : "blue"}>{label(ACCEPTANCE_STATE_LABELS, a.state)}</Tag>}
                  </Flex>
                }
                extra={
                  <Flex gap={8}>
                    {a && (
                      <Button size="small" icon={<FilePdfOutlined />} href={apiUrl(`/acceptances/${a.id}/record.pdf`)} target="_blank" rel="noopener">
                        {t("acceptance.recordPdf")}
                      </Button>
                    )}
                    {mayAct &&
                      (a ? (
                        a.state === "open" && (
                          <Button type="primary" onClick={() => setSigning(a)}>
                            {t("acceptance.sign")}
                          </Button>
                        )
                      ) : (
                        <Button onClick={() => setOpening(m)}>{t("acceptance.open")}</Button>
                      ))}
                  </Flex>
                }
              >
                {a ? (
                  <>
                    <Descriptions
                      size="small"
                      column={3}
                      items={[
                        { key: "planned", label: t("acceptance.plannedOn"), children: orDash(a.plannedOn) },
                        { key: "accepted", label: t("acceptance.acceptedAt"), children: formatDateTime(a.acceptedAt) },
                        {
                          key: "missing",
                          label: t("acceptance.missing"),
                          children: a.missingParties.length ? a.missingParties.map((r) => label(PARTICIPANT_ROLE_LABELS, r)).join("、") : "—",
                        },
                      ]}
                    />
                    <div style={{ margin: "8px 0" }}>
                      <Signoffs a={a} />
                    </div>
                    {a.signoffs.length > 0 && (
                      <Table<AcceptanceSignoffDto>
                        rowKey="role"
                        size="small"
                        pagination={false}
                        dataSource={a.signoffs}
                        columns={[
                          { title: t("acceptance.signAs"), dataIndex: "role", width: 110, render: (r: ParticipantRole) => label(PARTICIPANT_ROLE_LABELS, r) },
                          { title: t("participant.enterprise"), dataIndex: "enterpriseName", ellipsis: true },
                          { title: t("acceptance.signer"), dataIndex: "signerName", width: 120 },
                          { title: t("acceptance.opinion"), dataIndex: "opinion", ellipsis: true },
                          { title: t("acceptance.signed"), dataIndex: "signedAt", width: 140, render: formatDateTime },
                        ]}
                      />
                    )}
                  </>
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Typography.Text type="secondary">{t("acceptance.empty")}</Typography.Text>} />
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
      <SignModal a={signing} heldRoles={heldRoles} onClose={() => setSigning(null)} />
      <OpenModal projectId={projectId} milestone={opening} onClose={() => setOpening(null)} />
    </>
  );
}
