import { Descriptions, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { JUDGE_METHOD_LABELS, REBAR_VERDICT_LABELS } from "@contracts/testing/enums";
import type { ConditionDto, GroupDto, LambdasDto } from "@contracts/testing/evaluation";
import { useLabels } from "../../../i18n/labels";

interface Evaluation {
  method: keyof typeof JUDGE_METHOD_LABELS;
  n: number;
  mean: number;
  min: number;
  fcuk: number;
  sd?: number;
  sdComputed?: number;
  sigma0?: number;
  lambdas: LambdasDto;
  conditions: ConditionDto[];
  pass: boolean;
}

/** The conditions of a judgement, each with both sides and ✓/✗. */
export function ConditionTable({ conditions }: { conditions: ConditionDto[] }) {
  const { t } = useTranslation();
  return (
    <Table<ConditionDto>
      size="small"
      pagination={false}
      rowKey={(c) => c.expr}
      dataSource={conditions}
      columns={[
        { title: t("testing.condition"), dataIndex: "expr" },
        { title: t("testing.lhs"), dataIndex: "lhs", align: "right", width: 90 },
        { title: t("testing.rhs"), dataIndex: "rhs", align: "right", width: 90 },
        { title: "", dataIndex: "ok", width: 70, render: (ok: boolean) => (ok ? <Tag color="success">✓</Tag> : <Tag color="error">✗</Tag>) },
      ]}
    />
  );
}

/** The figures of a lot evaluation (method, n, m, fmin, S or σ0, factors and conditions). */
export function EvaluationFigures({ e, sizeFactor }: { e: Evaluation; sizeFactor?: number }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const lambdas = Object.entries(e.lambdas)
    .map(([k, v]) => `${k.replace("lambda", "λ")}=${v}`)
    .join("  ");
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} bordered style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t("testing.method")}>{label(JUDGE_METHOD_LABELS, e.method)}</Descriptions.Item>
        <Descriptions.Item label={t("testing.fcuk")}>{e.fcuk} MPa</Descriptions.Item>
        <Descriptions.Item label={t("testing.n")}>{e.n}</Descriptions.Item>
        <Descriptions.Item label={t("testing.mean")}>{e.mean} MPa</Descriptions.Item>
        <Descriptions.Item label={t("testing.min")}>{e.min} MPa</Descriptions.Item>
        {e.sd !== undefined && <Descriptions.Item label={t("testing.sd")}>{e.sd} MPa{e.sdComputed !== undefined && e.sdComputed !== e.sd ? ` (${e.sdComputed})` : ""}</Descriptions.Item>}
        {e.sigma0 !== undefined && <Descriptions.Item label={t("testing.sigma0")}>{e.sigma0} MPa</Descriptions.Item>}
        <Descriptions.Item label={t("testing.lambdas")}>{lambdas}</Descriptions.Item>
        {sizeFactor !== undefined && <Descriptions.Item label={t("testing.sizeFactor")}>{sizeFactor}</Descriptions.Item>}
      </Descriptions>
      <ConditionTable conditions={e.conditions} />
    </>
  );
}

type Figures =
  | { kind: "concrete"; sizeFactor: number; groups: GroupDto[]; lot: { lotNo: string; evaluation: Evaluation } }
  | { kind: "rebar"; verdict: keyof typeof REBAR_VERDICT_LABELS; requiredSpecimens: number; specimens: { index: number; conditions: ConditionDto[]; ok: boolean }[] }
  | { kind: "agency"; items: { name: string; value: string; requirement: string; pass: boolean }[] };

/** A stored result's figures, by kind: concrete groups and the lot evaluation, rebar specimens, or the agency's items. */
export function ResultFigures({ figures }: { figures: unknown }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const f = figures as Figures;
  if (f.kind === "concrete") {
    return (
      <>
        <Typography.Text strong>{t("testing.groups")}</Typography.Text>
        <div style={{ margin: "4px 0 8px" }}>
          {f.groups.map((g, i) => (
            <Tag key={i} color={g.rule === "invalid" ? "default" : g.rule === "median" ? "warning" : "blue"}>
              {g.cubes ? `[${g.cubes.join(", ")}] → ` : ""}
              {g.value ?? "—"} ({t(`testing.groupRule.${g.rule}`)})
            </Tag>
          ))}
        </div>
        <Typography.Text strong>
          {t("testing.lot")} {f.lot.lotNo}
        </Typography.Text>
        <div style={{ marginTop: 4 }}>
          <EvaluationFigures e={f.lot.evaluation} sizeFactor={f.sizeFactor} />
        </div>
      </>
    );
  }
  if (f.kind === "rebar") {
    return (
      <>
        <Tag color={f.verdict === "pass" ? "success" : f.verdict === "fail" ? "error" : "warning"}>{label(REBAR_VERDICT_LABELS, f.verdict)}</Tag>
        {f.specimens.map((s) => (
          <div key={s.index} style={{ marginTop: 8 }}>
            <Typography.Text strong>
              {t("testing.specimen")} {s.index + 1}
            </Typography.Text>
            <ConditionTable conditions={s.conditions} />
          </div>
        ))}
      </>
    );
  }
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="name"
      dataSource={f.items}
      columns={[
        { title: t("testing.condition"), dataIndex: "name" },
        { title: t("testing.lhs"), dataIndex: "value" },
        { title: t("testing.rhs"), dataIndex: "requirement" },
        { title: "", dataIndex: "pass", width: 70, render: (ok: boolean) => (ok ? <Tag color="success">✓</Tag> : <Tag color="error">✗</Tag>) },
      ]}
    />
  );
}
