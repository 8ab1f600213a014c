import { App, Alert, Button, Card, Col, Form, Input, InputNumber, Result, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { CONCRETE_GRADES } from "@contracts/testing/enums";
import { ApiError } from "../../../api/client";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { useConcreteEvaluation } from "../api";
import { EvaluationFigures } from "../components/result-figures";
import { parseNumberList } from "../values";

interface Values {
  grade: (typeof CONCRETE_GRADES)[number];
  values: string;
  sigma0?: number | null;
  specimenSizeMm: 100 | 150 | 200;
}

/** 混凝土强度检验评定: a lot's group strengths judged by GB/T 50107-2010 with every figure shown; nothing is stored. */
function Calculator() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const evaluate = useConcreteEvaluation();
  const onFinish = async (v: Values) => {
    try {
      await evaluate.mutateAsync({ grade: v.grade, values: parseNumberList(v.values), sigma0: v.sigma0 ?? undefined, specimenSizeMm: v.specimenSizeMm });
    } catch (e) {
      message.error(e instanceof ApiError ? e.fieldIssues().map((i) => `${i.path}: ${i.message}`).join("；") || e.message : String(e));
    }
  };
  const r = evaluate.data;
  return (
    <>
      <PageHeader title={t("testing.calc.title")} />
      <Row gutter={12}>
        <Col xs={24} lg={9}>
          <Card size="small">
            <Form form={form} layout="vertical" initialValues={{ grade: "C30", specimenSizeMm: 150 }} onFinish={(v) => void onFinish(v)}>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="grade" label={t("testing.calc.grade")} rules={[{ required: true }]}>
                    <Select showSearch options={CONCRETE_GRADES.map((g) => ({ value: g, label: g }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="specimenSizeMm" label={t("testing.calc.size")}>
                    <Select options={[100, 150, 200].map((v) => ({ value: v, label: `${v} mm` }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="values" label={t("testing.calc.values")} extra={t("testing.calc.valuesHint")} rules={[{ required: true, message: t("common.required") }]}>
                <Input.TextArea rows={6} style={{ fontFamily: "monospace" }} aria-label={t("testing.calc.values")} />
              </Form.Item>
              <Form.Item name="sigma0" label={t("testing.calc.sigma0")}>
                <InputNumber min={0.01} max={50} step={0.1} style={{ width: "100%" }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={evaluate.isPending}>
                {t("testing.calc.evaluate")}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {r && (
            <Card size="small">
              <Result status={r.pass ? "success" : "error"} title={r.pass ? t("testing.pass") : t("testing.fail")} style={{ padding: 12 }} />
              <EvaluationFigures e={r} sizeFactor={r.sizeFactor} />
              <Alert
                style={{ marginTop: 8 }}
                type="info"
                title={
                  <Typography.Text type="secondary">
                    {t("testing.calc.rule")}: {r.rule.code} v{r.rule.version} ({r.rule.region}) · {r.rule.source}
                  </Typography.Text>
                }
              />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}

export default function ConcreteCalculatorPage() {
  return (
    <RequirePermission permission="testing.read">
      <Calculator />
    </RequirePermission>
  );
}
