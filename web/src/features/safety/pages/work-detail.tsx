import { useState } from "react";
import { Button, Card, Col, Descriptions, Empty, Flex, List, Row, Space, Tag, Timeline, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DANGEROUS_WORK_CATEGORY_LABELS, DANGEROUS_WORK_STATE_LABELS, EXCAVATION_CATEGORIES, EXPERT_VERDICT_LABELS, type DangerousWorkDetailDto } from "@contracts/safety/dangerous-works";
import { useCan } from "../../../app/auth";
import { formatDate, formatDateTime, orDash } from "../../../components/format";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { RequirePermission } from "../../../components/require-permission";
import { useLabels } from "../../../i18n/labels";
import { useDangerousWork } from "../api";
import { ExpertReviewForm } from "../components/expert-review-form";
import { GasClearanceForm } from "../components/gas-clearance-form";
import { paramsText } from "../components/params-text";
import { StepButtons } from "../components/step-buttons";
import { WorkForm } from "../components/work-form";
import { LevelTag, WorkStateTag } from "../components/work-tags";
import "../i18n";

const FINISHED = new Set(["acceptance", "accepted", "closed"]);

function Detail({ work }: { work: DangerousWorkDetailDto }) {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [clearing, setClearing] = useState(false);
  const manage = can("safety.manage");
  // Steps read as the stage entered; other records (scheme change, gas clearance, verdict) by what happened.
  const eventTitle = (e: DangerousWorkDetailDto["events"][number]) => {
    const stage = e.toState ? label(DANGEROUS_WORK_STATE_LABELS, e.toState) : "";
    if (e.action === "identified" || e.action === "transition") return stage;
    const what = t(`safety.action.${e.action}`, { defaultValue: e.action });
    return e.toState && e.toState !== e.fromState ? `${what} → ${stage}` : what;
  };

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
          manage && !FINISHED.has(work.state) ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t("safety.editWork")}
            </Button>
          ) : null
        }
      />
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
            <Timeline
              items={work.events.map((e) => ({
                color: e.action === "expert_review" ? "purple" : e.toState === "scheme_drafting" && e.fromState ? "red" : "blue",
                content: (
                  <>
                    <Typography.Text strong>{eventTitle(e)}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">
                        {formatDateTime(e.at)} · {e.actorName}
                      </Typography.Text>
                    </div>
                    {e.note && <div>{e.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {editing && <WorkForm open onClose={() => setEditing(false)} projectId={work.projectId} work={work} />}
      <ExpertReviewForm workId={work.id} projectId={work.projectId} open={reviewing} onClose={() => setReviewing(false)} />
      <GasClearanceForm workId={work.id} open={clearing} onClose={() => setClearing(false)} />
    </>
  );
}

/** 危大工程详情: parameters, classification clauses, next steps, expert reviews and the timeline. */
export default function WorkDetailPage() {
  const { id = "" } = useParams();
  const { data, isLoading, error, refetch } = useDangerousWork(id);
  return (
    <RequirePermission permission="safety.read">
      {data ? <Detail work={data} /> : <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />}
    </RequirePermission>
  );
}
