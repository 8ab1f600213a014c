import { useState } from "react";
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, List, Row, Space, Tag, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DANGEROUS_WORK_CATEGORY_LABELS, EXCAVATION_CATEGORIES, EXPERT_VERDICT_LABELS, type DangerousWorkDetailDto } from "@contracts/safety/dangerous-works";
import { useCan } from "../../../auth/use-can";
import { formatDate, formatDateTime, orDash } from "../../../components/format";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { RequirePermission } from "../../../components/require-permission";
import { useLabels } from "../../../i18n/labels";
import { useDangerousWork } from "../api";
import { DrafterSignoffButton } from "../components/drafter-signoff";
import { ExpertReviewForm } from "../components/expert-review-form";
import { GasClearanceForm } from "../components/gas-clearance-form";
import { paramsText } from "../components/params-text";
import { StepButtons } from "../components/step-buttons";
import { WorkForm } from "../components/work-form";
import { WorkFiles } from "../components/work-files";
import { LevelTag, WorkStateTag } from "../components/work-tags";
import { WorkTimeline } from "../components/work-timeline";

/** The scheme cannot change once done, nor while an emergency is handled (the client's recovery plan comes first). */
const FROZEN = new Set(["acceptance", "accepted", "closed", "emergency"]);

function Detail({ work }: { work: DangerousWorkDetailDto }) {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [clearing, setClearing] = useState(false);
  const manage = can("safety.manage");

  return (
    <>
      <PageHeader
        parent={{ to: "/safety/works", label: t("safety.menu.works") }}
        title={work.name}
        extra={
          <Space size={4}>
            <LevelTag level={work.level} />
            <WorkStateTag state={work.state} />
          </Space>
        }
        actions={
          manage && !FROZEN.has(work.state) ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t("safety.editWork")}
            </Button>
          ) : null
        }
      />
      {work.state === "emergency" && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t("safety.emergencyAlert")} />}
      <Row gutter={12}>
        <Col xs={24} lg={15}>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t("safety.project")} span={2}>
                <Link to={`/projects/${work.projectId}?tab=safety`}>{work.projectName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t("safety.category")}>{label(DANGEROUS_WORK_CATEGORY_LABELS, work.category)}</Descriptions.Item>
              <Descriptions.Item label={t("safety.revision")}>{work.revision}</Descriptions.Item>
              <Descriptions.Item label={t("safety.params")} span={2}>{paramsText(work.category, work.params, lang) || "—"}</Descriptions.Item>
              <Descriptions.Item label={t("safety.clauses")} span={2}>
                <Flex vertical gap={2}>
                  {work.levelClauses.map((c) => (
                    <Typography.Text key={c}>{c}</Typography.Text>
                  ))}
                </Flex>
              </Descriptions.Item>
              <Descriptions.Item label={t("safety.location")}>{orDash(work.location)}</Descriptions.Item>
              <Descriptions.Item label={t("safety.authorName")}>{orDash(work.authorName)}</Descriptions.Item>
              <Descriptions.Item label={t("safety.drafter")} span={work.drafterEnterpriseId ? 1 : 2}>
                {work.drafterEnterpriseName ?? t("safety.generalContractor")}
              </Descriptions.Item>
              {work.drafterEnterpriseId && (
                <Descriptions.Item label={t("safety.drafterSigned")}>
                  <Space wrap>
                    <Tag color={work.drafterSigned ? "success" : "warning"}>
                      {t(work.drafterSigned ? "safety.signed" : "safety.unsigned")} · {t("safety.revisionN", { n: work.revision })}
                    </Tag>
                    {manage && <DrafterSignoffButton work={work} />}
                  </Space>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t("safety.plannedStart")}>{formatDate(work.plannedStart)}</Descriptions.Item>
              <Descriptions.Item label={t("safety.plannedEnd")}>{formatDate(work.plannedEnd)}</Descriptions.Item>
              {EXCAVATION_CATEGORIES.includes(work.category) && (
                <Descriptions.Item label={t("safety.gasClearance")} span={2}>
                  <Space>
                    {work.gasClearance ? `${orDash(work.gasClearance.enterpriseName)} · ${work.gasClearance.refNo} · ${formatDateTime(work.gasClearance.at)}` : "—"}
                    {manage && (
                      <Button size="small" onClick={() => setClearing(true)}>
                        {t("safety.recordGas")}
                      </Button>
                    )}
                  </Space>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {manage && (
            <Card size="small" title={t("safety.nextSteps")} style={{ marginBottom: 12 }}>
              {work.state === "expert_review" ? (
                <Button type="primary" onClick={() => setReviewing(true)}>
                  {t("safety.recordReview")}
                </Button>
              ) : (
                <StepButtons work={work} />
              )}
            </Card>
          )}
          <WorkFiles work={work} manage={manage} />
          <Card size="small" title={t("safety.expertReviews")}>
            {work.expertReviews.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                size="small"
                dataSource={work.expertReviews}
                renderItem={(r) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Space>
                          <Tag color={r.verdict === "pass" ? "success" : r.verdict === "fail" ? "error" : "warning"}>{label(EXPERT_VERDICT_LABELS, r.verdict)}</Tag>
                          {formatDate(r.heldOn)} · {t("safety.revision")} {r.revision}
                        </Space>
                      }
                      description={
                        <>
                          <div>{r.experts.map((e) => e.name).join("、")}</div>
                          {r.opinion && <div>{r.opinion}</div>}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t("safety.timeline")}>
            <WorkTimeline work={work} />
          </Card>
        </Col>
      </Row>
      {editing && <WorkForm open onClose={() => setEditing(false)} projectId={work.projectId} work={work} />}
      <ExpertReviewForm workId={work.id} projectId={work.projectId} open={reviewing} onClose={() => setReviewing(false)} />
      <GasClearanceForm workId={work.id} open={clearing} onClose={() => setClearing(false)} />
    </>
  );
}

/** 危大工程详情: parameters, classification clauses, drafter and its signature, next steps, documents, expert reviews and the timeline. */
export default function WorkDetailPage() {
  const { id = "" } = useParams();
  const { data, isLoading, error, refetch } = useDangerousWork(id);
  return (
    <RequirePermission permission="safety.read">
      {data ? <Detail work={data} /> : <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />}
    </RequirePermission>
  );
}
