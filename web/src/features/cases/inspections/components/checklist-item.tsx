import { memo } from "react";
import { Col, Flex, Input, Row, Segmented, Typography } from "antd";
import { CheckOutlined, CloseOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { TemplateItemDto } from "@contracts/cases/inspections";
import { GradeTag } from "../../components/case-tags";
import { PhotoInput } from "../../components/photo-input";
import type { ItemMark } from "../checklist";

type Verdict = "pass" | "fail" | "none";

/**
 * One checklist row for a tablet: the item's text, a large 合格 / 不合格 switch, and for a failed item the
 * note, the location and the camera. Tapping the chosen verdict again clears it (未查).
 */
export const ChecklistItem = memo(function ChecklistItem({ item, index, mark, onChange }: { item: TemplateItemDto; index: number; mark: ItemMark | undefined; onChange: (code: string, m: ItemMark | undefined) => void }) {
  const { t } = useTranslation();
  const verdict: Verdict = !mark ? "none" : mark.passed ? "pass" : "fail";
  const set = (v: Verdict) => {
    if (v === "none") return onChange(item.code, undefined);
    onChange(item.code, v === "pass" ? { passed: true } : { ...mark, passed: false });
  };
  return (
    <div className={`sc-check-row${verdict === "fail" ? " sc-failed" : ""}`} data-testid={`check-${item.code}`}>
      <Row gutter={[12, 8]} align="middle" wrap>
        <Col flex="1 1 360px">
          <Flex gap={8} align="baseline">
            <Typography.Text type="secondary" style={{ minWidth: 28 }}>
              {index + 1}.
            </Typography.Text>
            <div>
              <Typography.Text style={{ fontSize: 15 }}>{item.text}</Typography.Text>
              <Flex gap={6} wrap style={{ marginTop: 4 }}>
                {item.grade === "major" && <GradeTag grade="major" />}
                {item.clause && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.clause}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.score}′
                </Typography.Text>
              </Flex>
            </div>
          </Flex>
        </Col>
        <Col flex="none">
          <Segmented<Verdict>
            aria-label={item.text}
            value={verdict}
            onChange={set}
            options={[
              { value: "pass", label: <span className="sc-seg-pass"><CheckOutlined /> {t("inspection.pass")}</span> },
              { value: "fail", label: <span className="sc-seg-fail"><CloseOutlined /> {t("inspection.fail")}</span> },
              { value: "none", label: t("inspection.na") },
            ]}
          />
        </Col>
      </Row>
      {verdict === "fail" && mark && (
        <Row gutter={[12, 8]} style={{ marginTop: 10, paddingInlineStart: 36 }}>
          <Col xs={24} md={14}>
            <Input.TextArea
              rows={2}
              maxLength={1000}
              value={mark.note}
              placeholder={t("inspection.notePlaceholder")}
              aria-label={`${t("inspection.note")} ${item.code}`}
              onChange={(e) => onChange(item.code, { ...mark, note: e.target.value })}
              style={{ fontSize: 15 }}
            />
          </Col>
          <Col xs={24} md={10}>
            <Input
              size="large"
              maxLength={200}
              value={mark.location}
              placeholder={t("cases.location")}
              aria-label={`${t("cases.location")} ${item.code}`}
              onChange={(e) => onChange(item.code, { ...mark, location: e.target.value })}
            />
          </Col>
          <Col span={24}>
            <PhotoInput large value={mark.photoIds ?? []} onChange={(photoIds) => onChange(item.code, { ...mark, photoIds })} />
          </Col>
        </Row>
      )}
    </div>
  );
});
