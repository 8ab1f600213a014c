import { Alert, Card, Col, DatePicker, Descriptions, Empty, Flex, List, Row, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { addMonths, shanghaiMonth } from "@contracts/workforce/presence";
import type { PayrollDto, WageFindingDto } from "@contracts/workforce/wages";
import { formatDate, orDash } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { ListPage } from "../../../components/list-page";
import { useLocalListParams } from "../../../components/use-list-params";
import { usePayrolls, useWageAccount, useWageChecks } from "../api";
import { formatMoney as money } from "../format";

const LEVEL_COLOR: Record<WageFindingDto["level"], string> = { warning: "red", notice: "orange", missing_data: "default" };
const STATUS_COLOR: Record<PayrollDto["status"], string> = { unpaid: "orange", paid: "green", failed: "red" };

/** 工资专用账户: bank, name, masked number and opening date, with the rules it breaks. */
function WageAccountCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useWageAccount(projectId);
  return (
    <Card size="small" title={t("workforce.wageAccount")} loading={isLoading} style={{ height: "100%" }}>
      <ListError error={error} />
      {data ? (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "bank", label: t("workforce.bankName"), children: data.bankName },
              { key: "name", label: t("workforce.accountName"), children: data.accountName },
              { key: "no", label: t("workforce.accountNo"), children: <span style={{ fontFamily: "monospace" }}>{data.accountNo}</span> },
              { key: "opened", label: t("workforce.openedOn"), children: formatDate(data.openedOn) },
            ]}
          />
          {data.warnings.map((w) => (
            <Alert key={w.code} type="warning" showIcon title={w.message} style={{ marginTop: 8 }} />
          ))}
        </>
      ) : (
        !error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("workforce.noWageAccount")} />
      )}
    </Card>
  );
}

/** 工资核查 of a month: totals and each finding with its level, amount and the workers concerned. */
function WageChecks({ projectId, month }: { projectId: string; month: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useWageChecks(projectId, month);
  return (
    <Card size="small" title={`${t("workforce.checks")} · ${month}`} loading={isLoading} style={{ height: "100%" }}>
      <ListError error={error} />
      {data && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t("workforce.totals", {
              payrollWorkers: data.totals.payrollWorkers,
              attendanceWorkers: data.totals.attendanceWorkers,
              gross: money(data.totals.gross),
              net: money(data.totals.net),
              paidNet: money(data.totals.paidNet),
              unpaidNet: money(data.totals.unpaidNet),
            })}
            {" · "}
            {t("workforce.deadline")} {data.deadline}
          </Typography.Paragraph>
          {data.findings.length ? (
            <List
              size="small"
              dataSource={data.findings}
              renderItem={(f) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <Flex vertical gap={2} style={{ width: "100%" }}>
                    <Flex gap={6} align="baseline">
                      <Tag color={LEVEL_COLOR[f.level]}>{t(`wageCheckLevel.${f.level}`)}</Tag>
                      <Typography.Text>{f.message}</Typography.Text>
                      {f.amount != null && f.amount > 0 && <Typography.Text type="danger">{t("workforce.amount", { amount: money(f.amount) })}</Typography.Text>}
                    </Flex>
                    {f.workers.length > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: true }}>
                        {f.workers.map((w) => `${w.name}(${w.workerNo})`).join("、")}
                      </Typography.Text>
                    )}
                  </Flex>
                </List.Item>
              )}
            />
          ) : (
            <Alert type="success" showIcon title={t("workforce.checksOk")} />
          )}
        </>
      )}
    </Card>
  );
}

/** 工资 of a project: the special account, the month's wage checks and its payroll lines. */
export function ProjectWages({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  // Wages of a month are paid the month after: last month is the one worth looking at first.
  const lp = useLocalListParams();
  const month = lp.get("month") ?? addMonths(shanghaiMonth(), -1);

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8}>
        <Typography.Text>{t("workforce.month")}</Typography.Text>
        <DatePicker picker="month" aria-label={t("workforce.month")} allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && lp.set({ month: d.format("YYYY-MM") })} />
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={9}>
          <WageAccountCard projectId={projectId} />
        </Col>
        <Col xs={24} lg={15}>
          <WageChecks projectId={projectId} month={month} />
        </Col>
      </Row>
      <Card size="small" title={`${t("workforce.payrolls")} · ${month}`}>
        <ListPage<PayrollDto>
          bare
          lp={lp}
          search={false}
          useRows={(q) => usePayrolls(projectId, q)}
          query={{ month }}
          columns={[
            { title: t("workforce.workerNo"), dataIndex: "workerNo", width: 130 },
            { title: t("workforce.name"), dataIndex: "name", width: 90 },
            { title: t("workforce.team"), dataIndex: "teamName", width: 130, render: orDash },
            {
              title: t("workforce.days"),
              key: "days",
              width: 180,
              render: (_, p) => (
                <Typography.Text type={p.days != null && p.days > p.attendanceDays ? "danger" : undefined}>
                  {p.days ?? "—"} / {p.attendanceDays}
                </Typography.Text>
              ),
            },
            { title: t("workforce.gross"), dataIndex: "gross", width: 110, align: "right", render: money },
            { title: t("workforce.net"), dataIndex: "net", width: 110, align: "right", render: money },
            {
              title: t("workforce.status"),
              dataIndex: "status",
              width: 130,
              render: (s: PayrollDto["status"], p) => (
                <Flex gap={4}>
                  <Tag color={STATUS_COLOR[s]} style={{ marginInlineEnd: 0 }}>
                    {t(`payrollStatus.${s}`)}
                  </Tag>
                  {p.overdue && (
                    <Tag color="red" style={{ marginInlineEnd: 0 }}>
                      {t("workforce.overdue")}
                    </Tag>
                  )}
                </Flex>
              ),
            },
            { title: t("workforce.paidOn"), dataIndex: "paidOn", width: 110, render: formatDate },
            { title: t("workforce.bankRef"), dataIndex: "bankRef", width: 150, ellipsis: true, render: orDash },
            { title: t("workforce.deadline"), dataIndex: "deadline", width: 110 },
          ]}
        />
      </Card>
    </Flex>
  );
}
