import { useEffect, useRef } from "react";
import { Card, Col, Flex, Row, Statistic, Tag, Typography } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { TRADE_LABELS } from "@contracts/workforce/workers";
import { ListError } from "../../../components/list-error";
import { useLabels } from "../../../i18n/labels";
import { useHeadcount } from "../api";
import { shanghaiTime } from "../format";
import { wfKeys } from "../keys";

/** A breakdown as compact "name n" tags, the largest first. */
function Breakdown({ title, items }: { title: string; items: { key: string; name: string; n: number }[] }) {
  const { t } = useTranslation();
  const sorted = [...items].filter((i) => i.n > 0).sort((a, b) => b.n - a.n);
  return (
    <Card size="small" title={title} styles={{ body: { minHeight: 64 } }}>
      {sorted.length ? (
        <Flex wrap gap={6}>
          {sorted.map((i) => (
            <Tag key={i.key} style={{ marginInlineEnd: 0 }}>
              {i.name} <b>{i.n}</b>
            </Tag>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t("common.noData")}</Typography.Text>
      )}
    </Card>
  );
}

/**
 * A gate passage moves the headcount and may move a worker from 已进场 to 在场 and add an attendance line:
 * when the counts change, the roster and the day's attendance are refetched (not on the first load).
 */
function useRefreshOnPassage(projectId: string, counts: string | undefined) {
  const qc = useQueryClient();
  const last = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (counts === undefined) return;
    if (last.current !== undefined && last.current !== counts) {
      void qc.invalidateQueries({ queryKey: wfKeys.workers.lists() });
      void qc.invalidateQueries({ queryKey: wfKeys.projects.sub(projectId, "attendance").slice(0, 4) });
    }
    last.current = counts;
  }, [qc, projectId, counts]);
}

/** 实时人数: on site now, present today, by team and by trade; polled every few seconds. */
export function HeadcountStrip({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { data, error } = useHeadcount(projectId);
  useRefreshOnPassage(projectId, data ? `${data.onSite}/${data.presentToday}` : undefined);
  return (
    <>
      <ListError error={error} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={4}>
          <Card size="small" styles={{ body: { minHeight: 64 } }}>
            <div data-testid="headcount-onsite">
              <Statistic title={t("workforce.onSite")} value={data?.onSite ?? "—"} styles={{ content: { color: "#1677ff", fontWeight: 600 } }} />
            </div>
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small" styles={{ body: { minHeight: 64 } }}>
            <div data-testid="headcount-present">
              <Statistic title={t("workforce.presentToday")} value={data?.presentToday ?? "—"} />
            </div>
            {data && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("workforce.asOf", { time: shanghaiTime(data.asOf) })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Breakdown
            title={t("workforce.byTeam")}
            items={(data?.byTeam ?? []).map((b) => ({ key: b.teamId ?? "-", name: b.teamName ?? t("workforce.noTeam"), n: b.onSite }))}
          />
        </Col>
        <Col xs={24} md={8}>
          <Breakdown title={t("workforce.byTrade")} items={(data?.byTrade ?? []).map((b) => ({ key: b.trade, name: label(TRADE_LABELS, b.trade), n: b.onSite }))} />
        </Col>
      </Row>
    </>
  );
}
